import { formatUsd, roundUsd, type UsdE10 } from './money.ts';
import { priceCall } from './price-call.ts';
import type { PriceCallInput, PriceCallOptions, UnpricedReason } from './price-types.ts';

/** A stored call to price again. */
export interface RepriceCallInput extends PriceCallInput {
  /** The caller's identity for the row, returned as is (e.g. `traceId:spanId:startTime`). */
  readonly key: string;
  /** The call's project: decides which project overrides apply (else `options.projectId`). */
  readonly projectId?: string | null;
  /** The cost stored now (`DECIMAL` text), or null when the call was unpriced. */
  readonly previousCostUsd: string | null;
  /** The rollup dimensions the call is counted under, besides project, hour, provider, model. */
  readonly queryType: string;
  readonly feature?: string | null;
  readonly environment?: string | null;
}

/** A call's new price. */
export interface RepricedCall {
  readonly key: string;
  /** New cost, or null when the call is (still) unpriced. */
  readonly costUsd: string | null;
  readonly costUsdE10: UsdE10 | null;
  /** New price version, or null when unpriced. */
  readonly priceVersion: string | null;
  readonly unpricedReason: UnpricedReason | null;
  /** True when the cost differs from the stored one (including priced ↔ unpriced). */
  readonly changed: boolean;
}

/**
 * What to add to one hourly rollup row (project × hour × provider × model × query type ×
 * feature × environment; absent dimensions as `''`, like the rollup table).
 */
export interface RollupDelta {
  readonly projectId: string;
  /** Start of the UTC hour. */
  readonly hour: Date;
  readonly provider: string;
  readonly model: string;
  readonly queryType: string;
  readonly feature: string;
  readonly environment: string;
  readonly costUsdE10Delta: UsdE10;
  readonly costUsdDelta: string;
  readonly unpricedCallsDelta: number;
}

/** The outcome of {@link repriceCalls}. */
export interface RepriceResult {
  readonly calls: RepricedCall[];
  /** Only rows that change, sorted by hour then key. */
  readonly rollupDeltas: RollupDelta[];
  readonly totals: { readonly previousUsd: string; readonly newUsd: string; readonly deltaUsd: string };
}

const HOUR_MS = 3_600_000;

/**
 * Prices stored calls again (typically after an override was added or changed) and
 * returns each call's new cost and price version, plus the deltas to apply to the hourly
 * rollups, so that history can be re-priced without rescanning. Pure: writes nothing.
 */
export function repriceCalls(calls: readonly RepriceCallInput[], options: PriceCallOptions = {}): RepriceResult {
  const repriced: RepricedCall[] = [];
  const deltas = new Map<string, { delta: Omit<RollupDelta, 'costUsdDelta'> }>();
  let previousTotal = 0n;
  let newTotal = 0n;

  for (const call of calls) {
    const result = priceCall(call, { ...options, projectId: call.projectId ?? options.projectId });
    const previous = call.previousCostUsd === null ? null : roundUsd(call.previousCostUsd);
    const next = result.status === 'priced' ? result.costUsdE10 : null;
    const changed = previous !== next;
    repriced.push({
      key: call.key,
      costUsd: next === null ? null : formatUsd(next),
      costUsdE10: next,
      priceVersion: result.status === 'priced' ? result.priceVersion : null,
      unpricedReason: result.status === 'unpriced' ? result.reason : null,
      changed,
    });
    previousTotal += previous ?? 0n;
    newTotal += next ?? 0n;
    if (!changed) continue;

    const dimensions = {
      projectId: call.projectId ?? options.projectId ?? '',
      hour: new Date(Math.floor(call.at.getTime() / HOUR_MS) * HOUR_MS),
      provider: call.provider ?? '',
      model: call.model,
      queryType: call.queryType,
      feature: call.feature ?? '',
      environment: call.environment ?? '',
    };
    const rowKey = JSON.stringify({ ...dimensions, hour: dimensions.hour.toISOString() });
    const entry = deltas.get(rowKey) ?? { delta: { ...dimensions, costUsdE10Delta: 0n, unpricedCallsDelta: 0 } };
    entry.delta = {
      ...entry.delta,
      costUsdE10Delta: entry.delta.costUsdE10Delta + (next ?? 0n) - (previous ?? 0n),
      unpricedCallsDelta: entry.delta.unpricedCallsDelta + (next === null ? 1 : 0) - (previous === null ? 1 : 0),
    };
    deltas.set(rowKey, entry);
  }

  const rollupDeltas = [...deltas.entries()]
    .filter(([, { delta }]) => delta.costUsdE10Delta !== 0n || delta.unpricedCallsDelta !== 0)
    .sort(([a, x], [b, y]) => x.delta.hour.getTime() - y.delta.hour.getTime() || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { delta }]) => ({ ...delta, costUsdDelta: formatUsd(delta.costUsdE10Delta) }));
  return {
    calls: repriced,
    rollupDeltas,
    totals: {
      previousUsd: formatUsd(previousTotal),
      newUsd: formatUsd(newTotal),
      deltaUsd: formatUsd(newTotal - previousTotal),
    },
  };
}
