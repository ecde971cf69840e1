import { formatUsd, parseUsd } from '../prices/money.ts';
import type { RollupRow } from '../findings/rollup-row.ts';

/** The features with the most spend (calls without a feature are grouped as "(none)"). */
export function topFeatures(rows: readonly RollupRow[], limit = 5): Array<{ feature: string; costUsd: string; calls: number }> {
  const acc = new Map<string, { cost: bigint; calls: number }>();
  for (const r of rows) {
    const k = r.feature || '(none)';
    const a = acc.get(k) ?? { cost: 0n, calls: 0 };
    a.cost += parseUsd(r.costUsd);
    a.calls += r.calls;
    acc.set(k, a);
  }
  return [...acc.entries()]
    .sort((a, b) => (b[1].cost > a[1].cost ? 1 : b[1].cost < a[1].cost ? -1 : b[1].calls - a[1].calls))
    .slice(0, limit)
    .map(([feature, a]) => ({ feature, costUsd: formatUsd(a.cost), calls: a.calls }));
}
