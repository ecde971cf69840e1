import type { RuleOutcome } from '@tierlens/analyzer';
import { formatCount, formatDuration, formatPercent, formatUsd } from '@tierlens/format';

/** The text of one rule's outcome cells on the Rules page. */
export interface RuleOutcomeCells {
  calls: string;
  realized: string;
  predicted: string;
  /** "vs control" or "vs shadow": what routed calls are compared with. */
  baseline: string;
  errorRate: string;
  truncationRate: string;
  latency: string;
  verdict: string;
  /** Signals where the routed side is clearly worse, for highlighting. */
  worse: { errorRate: boolean; truncationRate: boolean; latency: boolean };
}

const rate = (r: RuleOutcome['quality']['errorRate']['routed']) =>
  r.rate === null ? '—' : `${formatPercent(r.rate)} (${formatPercent(r.low ?? 0)}–${formatPercent(r.high ?? 1)})`;
const latency = (l: RuleOutcome['quality']['latency']['routed']) =>
  l.meanMs === null ? '—' : `${formatDuration(l.meanMs)} (${formatDuration(l.lowMs)}–${formatDuration(l.highMs)})`;

/** Turns an outcome into the cells' text: counts, money, rates with their Wilson intervals, latency. */
export function ruleOutcomeCells(o: RuleOutcome, minCalls: number): RuleOutcomeCells {
  const q = o.quality;
  return {
    calls: `${formatCount(o.calls.seen)} seen · ${formatCount(o.calls.routed)} routed · ${formatCount(o.calls.control)} control`,
    realized: o.realizedSavingUsd === null ? '—' : formatUsd(o.realizedSavingUsd),
    predicted: o.predictedSavingUsd === null ? '—' : formatUsd(o.predictedSavingUsd),
    baseline: o.baseline === null ? '' : `vs ${o.baseline}`,
    errorRate: `${rate(q.errorRate.routed)} vs ${rate(q.errorRate.baseline)}`,
    truncationRate: `${rate(q.truncationRate.routed)} vs ${rate(q.truncationRate.baseline)}`,
    latency: `${latency(q.latency.routed)} vs ${latency(q.latency.baseline)}`,
    verdict:
      o.verdict === 'insufficient'
        ? `Too few calls to compare (${formatCount(minCalls)} a side needed)`
        : o.verdict === 'worse'
          ? `Routed calls do worse: ${o.reasons.join('; ')}`
          : 'No clear difference',
    worse: { errorRate: q.errorRate.clearlyWorse, truncationRate: q.truncationRate.clearlyWorse, latency: q.latency.clearlyWorse },
  };
}
