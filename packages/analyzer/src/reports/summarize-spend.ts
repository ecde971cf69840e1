import { formatUsd, parseUsd } from '../prices/money.ts';
import type { RollupRow } from '../findings/rollup-row.ts';

export interface SpendTotals {
  /** Exact decimal string in USD. */
  costUsd: string;
  calls: number;
  errorCalls: number;
  unpricedCalls: number;
  inputTokens: number;
  outputTokens: number;
}

export interface SpendSummary {
  current: SpendTotals;
  previous: SpendTotals;
  /** (current − previous) / previous spend; null when the previous period had no spend. */
  costChange: number | null;
  callsChange: number | null;
}

/** Totals of a set of rows; money is summed exactly. */
export function totalsOf(rows: readonly RollupRow[]): SpendTotals {
  let cost = 0n;
  const t = { calls: 0, errorCalls: 0, unpricedCalls: 0, inputTokens: 0, outputTokens: 0 };
  for (const r of rows) {
    cost += parseUsd(r.costUsd);
    t.calls += r.calls;
    t.errorCalls += r.errorCalls;
    t.unpricedCalls += r.unpricedCalls;
    t.inputTokens += r.inputTokens;
    t.outputTokens += r.outputTokens;
  }
  return { costUsd: formatUsd(cost), ...t };
}

/**
 * Spend of a period against the period before it (the caller passes the rows of both, e.g.
 * this week and last week), with the relative change.
 */
export function summarizeSpend(current: readonly RollupRow[], previous: readonly RollupRow[]): SpendSummary {
  const c = totalsOf(current);
  const p = totalsOf(previous);
  return {
    current: c,
    previous: p,
    costChange: relativeChange(Number(c.costUsd), Number(p.costUsd)),
    callsChange: relativeChange(c.calls, p.calls),
  };
}

function relativeChange(now: number, before: number): number | null {
  return before > 0 ? (now - before) / before : null;
}
