import { DEFAULT_CATALOG, type Catalog } from '../catalog/build-catalog.ts';
import { lookupModel } from '../catalog/lookup-model.ts';
import { formatUsd, parseUsd } from '../prices/money.ts';
import type { RollupRow } from '../findings/rollup-row.ts';

export interface QueryTypeRow {
  queryType: string;
  costUsd: string;
  calls: number;
  /** Share of the period's spend, 0..1. */
  share: number;
  models: Array<{ model: string; provider: string; tier: string | null; costUsd: string; calls: number }>;
}

export interface QueryTypeMatrix {
  queryTypes: QueryTypeRow[];
  /** Every model seen, by total spend, with its tier: the matrix's columns. */
  models: Array<{ model: string; tier: string | null; costUsd: string }>;
}

/** Spend and calls per query type, with the models used for each (query type × model by spend). */
export function buildQueryTypeMatrix(rows: readonly RollupRow[], catalog: Catalog = DEFAULT_CATALOG): QueryTypeMatrix {
  const cells = new Map<string, Map<string, { provider: string; cost: bigint; calls: number }>>();
  const modelTotals = new Map<string, { provider: string; cost: bigint }>();
  let grand = 0n;
  for (const r of rows) {
    const cost = parseUsd(r.costUsd);
    grand += cost;
    const byModel = cells.get(r.queryType) ?? new Map();
    const cell = byModel.get(r.model) ?? { provider: r.provider, cost: 0n, calls: 0 };
    cell.cost += cost;
    cell.calls += r.calls;
    byModel.set(r.model, cell);
    cells.set(r.queryType, byModel);
    const mt = modelTotals.get(r.model) ?? { provider: r.provider, cost: 0n };
    mt.cost += cost;
    modelTotals.set(r.model, mt);
  }
  const tierOf = (provider: string, model: string) => lookupModel(provider || null, model, catalog)?.tier ?? null;
  const queryTypes = [...cells.entries()].map(([queryType, byModel]) => {
    let cost = 0n;
    let calls = 0;
    const models = [...byModel.entries()]
      .map(([model, c]) => {
        cost += c.cost;
        calls += c.calls;
        return { model, provider: c.provider, tier: tierOf(c.provider, model), costUsd: formatUsd(c.cost), calls: c.calls, _c: c.cost };
      })
      .sort((a, b) => (b._c > a._c ? 1 : b._c < a._c ? -1 : 0))
      .map(({ _c, ...m }) => m);
    return { queryType, costUsd: formatUsd(cost), calls, share: grand > 0n ? Number((cost * 1_000_000n) / grand) / 1_000_000 : 0, models, _c: cost };
  });
  queryTypes.sort((a, b) => (b._c > a._c ? 1 : b._c < a._c ? -1 : b.calls - a.calls));
  return {
    queryTypes: queryTypes.map(({ _c, ...q }) => q),
    models: [...modelTotals.entries()]
      .sort((a, b) => (b[1].cost > a[1].cost ? 1 : b[1].cost < a[1].cost ? -1 : 0))
      .map(([model, m]) => ({ model, tier: tierOf(m.provider, model), costUsd: formatUsd(m.cost) })),
  };
}
