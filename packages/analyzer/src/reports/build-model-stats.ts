import { DEFAULT_CATALOG, type Catalog } from '../catalog/build-catalog.ts';
import { lookupModel } from '../catalog/lookup-model.ts';
import { formatUsd, parseUsd } from '../prices/money.ts';
import type { RollupRow } from '../findings/rollup-row.ts';

export interface ModelStats {
  model: string;
  provider: string;
  /** Catalog tier, or null when the model is not in the catalog. */
  tier: string | null;
  costUsd: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  reasoningTokens: number;
  errorRate: number;
  truncationRate: number;
  unpricedCalls: number;
  /** Mean call duration in ms. */
  meanLatencyMs: number | null;
  /** Mean time to first token in ms, over the calls that reported one (streams). */
  meanTtftMs: number | null;
  /** Spend per call in USD (exact decimal string). */
  costPerCallUsd: string;
}

/** Per-model spend, volume, tokens, error and truncation rates and latency, largest spend first. */
export function buildModelStats(rows: readonly RollupRow[], catalog: Catalog = DEFAULT_CATALOG): ModelStats[] {
  const acc = new Map<string, { provider: string; cost: bigint; calls: number; inT: number; outT: number; crT: number; rT: number; err: number; trunc: number; unpriced: number; dur: number; ttft: number; ttftCalls: number }>();
  for (const r of rows) {
    const key = `${r.provider}\u0000${r.model}`;
    const a = acc.get(key) ?? { provider: r.provider, cost: 0n, calls: 0, inT: 0, outT: 0, crT: 0, rT: 0, err: 0, trunc: 0, unpriced: 0, dur: 0, ttft: 0, ttftCalls: 0 };
    a.cost += parseUsd(r.costUsd);
    a.calls += r.calls;
    a.inT += r.inputTokens;
    a.outT += r.outputTokens;
    a.crT += r.cacheReadTokens;
    a.rT += r.reasoningTokens;
    a.err += r.errorCalls;
    a.trunc += r.truncatedCalls;
    a.unpriced += r.unpricedCalls;
    a.dur += r.durationMsSum;
    a.ttft += r.ttftMsSum;
    a.ttftCalls += r.ttftCalls;
    acc.set(key, a);
  }
  return [...acc.entries()]
    .map(([key, a]) => {
      const model = key.slice(key.indexOf('\u0000') + 1);
      return {
        model,
        provider: a.provider,
        tier: lookupModel(a.provider || null, model, catalog)?.tier ?? null,
        costUsd: formatUsd(a.cost),
        calls: a.calls,
        inputTokens: a.inT,
        outputTokens: a.outT,
        cacheReadTokens: a.crT,
        reasoningTokens: a.rT,
        errorRate: a.calls ? a.err / a.calls : 0,
        truncationRate: a.calls ? a.trunc / a.calls : 0,
        unpricedCalls: a.unpriced,
        meanLatencyMs: a.calls ? a.dur / a.calls : null,
        meanTtftMs: a.ttftCalls ? a.ttft / a.ttftCalls : null,
        costPerCallUsd: a.calls ? formatUsd(a.cost / BigInt(a.calls)) : '0',
      };
    })
    .sort((x, y) => Number(y.costUsd) - Number(x.costUsd) || y.calls - x.calls);
}
