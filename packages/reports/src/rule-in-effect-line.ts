import type { WeeklyRuleLine } from '@tierlens/analyzer';
import { formatCount, formatUsd } from '@tierlens/format';

/** One rule of "rules in effect" as a line: mode, routed calls, realized vs predicted saving, pause reason. */
export function ruleInEffectLine(r: WeeklyRuleLine): string {
  const money = (v: number | null) => (v === null ? '—' : formatUsd(v));
  const base = `${r.label} (${r.mode}): ${formatCount(r.routedCalls)} routed, ${formatCount(r.controlCalls)} control; saving realized ${money(r.realizedSavingUsd)}, predicted ${money(r.predictedSavingUsd)}`;
  return r.pauseReason ? `${base}. ${r.pauseReason}` : base;
}
