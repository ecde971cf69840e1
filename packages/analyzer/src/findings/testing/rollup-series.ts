import { priceCall } from '../../prices/price-call.ts';
import type { RollupRow } from '../rollup-row.ts';

/** A steady stream of calls, one rollup row per day, for tests. */
export interface SeriesSpec {
  readonly provider: string;
  readonly model: string;
  readonly queryType: string;
  readonly feature?: string;
  readonly environment?: string;
  readonly start: Date;
  readonly days: number;
  readonly callsPerDay: number;
  readonly inputPerCall: number;
  readonly outputPerCall: number;
  readonly cacheReadPerCall?: number;
  readonly reasoningPerCall?: number;
  readonly errorRate?: number;
  readonly truncationRate?: number;
  /** Unpriced calls per day (counted, no cost). */
  readonly unpricedPerDay?: number;
}

/**
 * Rollup rows for a series, priced with `priceCall` at each day (an unpriced model gets
 * `costUsd` "0" and every call counted unpriced). Test support: deterministic, no I/O.
 */
export function rollupSeries(spec: SeriesSpec): RollupRow[] {
  const rows: RollupRow[] = [];
  for (let day = 0; day < spec.days; day++) {
    const hour = new Date(spec.start.getTime() + day * 86_400_000);
    const calls = spec.callsPerDay;
    const unpriced = spec.unpricedPerDay ?? 0;
    const priced = calls - unpriced;
    const usage = {
      inputTokens: calls * spec.inputPerCall,
      outputTokens: calls * spec.outputPerCall,
      cacheReadTokens: calls * (spec.cacheReadPerCall ?? 0),
      cacheWriteTokens: 0,
      reasoningTokens: calls * (spec.reasoningPerCall ?? 0),
    };
    const price = priceCall({
      provider: spec.provider,
      model: spec.model,
      inputTokens: priced * spec.inputPerCall,
      outputTokens: priced * spec.outputPerCall,
      cacheReadTokens: priced * (spec.cacheReadPerCall ?? 0),
      cacheWriteTokens: 0,
      reasoningTokens: priced * (spec.reasoningPerCall ?? 0),
      at: hour,
    });
    rows.push({
      hour,
      provider: spec.provider,
      model: spec.model,
      queryType: spec.queryType,
      feature: spec.feature ?? '',
      environment: spec.environment ?? 'production',
      calls,
      errorCalls: Math.round(calls * (spec.errorRate ?? 0)),
      truncatedCalls: Math.round(calls * (spec.truncationRate ?? 0)),
      unpricedCalls: price.status === 'priced' ? unpriced : calls,
      ...usage,
      costUsd: price.status === 'priced' ? price.costUsd : '0',
      durationMsSum: calls * 1200,
      ttftMsSum: 0,
      ttftCalls: 0,
    });
  }
  return rows;
}
