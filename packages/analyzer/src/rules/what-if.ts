import { DEFAULT_CATALOG, type Catalog } from '../catalog/build-catalog.ts';
import { queryTypeModelKey } from '../findings/aggregate-rollups.ts';
import { DEFAULT_FINDINGS_OPTIONS } from '../findings/findings-options.ts';
import type { CostMethod } from '../findings/findings-types.ts';
import { createModelIdentity } from '../findings/model-identity.ts';
import { costOf, createRateBook } from '../findings/model-rates.ts';
import type { RollupRow } from '../findings/rollup-row.ts';
import { addRow, addUsd, child, emptyUsageStats, F, usdSumE10, type Level, type UsageStats, type UsdSum } from '../findings/usage-stats.ts';
import { usdE10FromEstimate } from '../findings/usd-estimate.ts';
import { formatUsd } from '../prices/money.ts';
import type { PriceOverride } from '../prices/price-types.ts';
import { createRuleMatcher } from './match-rule.ts';
import type { RoutingRule } from './routing-rule.ts';

/** The input of {@link whatIf}. */
export interface WhatIfInput {
  readonly rows: readonly RollupRow[];
  readonly rules: readonly RoutingRule[];
  /** Replay only rows in `[start, end)`; all rows when omitted. */
  readonly period?: { readonly start: Date; readonly end: Date };
  readonly catalog?: Catalog;
  readonly priceOverrides?: readonly PriceOverride[];
  /** When target models are priced; defaults to the end of the period (or the last row's hour). */
  readonly priceAt?: Date;
  /** Both models need this many calls of the query type in the rows for the observed-token method. */
  readonly minObservedCalls?: number;
}

/** What one rule would have moved. */
export interface RuleReplay {
  readonly ruleId: string;
  readonly callsMoved: number;
  /** Moved calls without a price: counted, left out of both spends. */
  readonly unpricedCallsMoved: number;
  readonly spendBeforeUsd: string;
  readonly spendAfterUsd: string;
  readonly costMethod: CostMethod;
  /** True when the target model has no price: its moved calls keep their old cost. */
  readonly targetUnpriced: boolean;
}

/** The outcome of {@link whatIf}. Amounts are exact sums: projected = unmoved + Σ after. */
export interface WhatIfResult {
  readonly calls: number;
  readonly spendUsd: string;
  readonly projectedSpendUsd: string;
  readonly unmovedSpendUsd: string;
  readonly movedSpendBeforeUsd: string;
  readonly movedSpendAfterUsd: string;
  readonly savingUsd: string;
  readonly callsMoved: number;
  readonly perRule: readonly RuleReplay[];
}

/**
 * Replays a rule set over past rollups: every row a rule matches (see `createRuleMatcher`)
 * is costed on the rule's target model, estimated the way findings are — from the tokens per
 * call both models used on the query type in these rows when both were seen often enough,
 * else from the rows' own tokens at the target's prices — and the rest keep their spend.
 * Each rule's projected spend is rounded once to 10⁻¹⁰ USD, so the totals add up exactly.
 */
export function whatIf(input: WhatIfInput): WhatIfResult {
  const identify = createModelIdentity(input.catalog ?? DEFAULT_CATALOG);
  const match = createRuleMatcher(input.rules, identify);
  const minObserved = input.minObservedCalls ?? DEFAULT_FINDINGS_OPTIONS.minObservedCalls;
  const inPeriod = (row: RollupRow) =>
    !input.period || (row.hour.getTime() >= input.period.start.getTime() && row.hour.getTime() < input.period.end.getTime());

  const byQueryTypeModel = new Map<string, UsageStats>();
  const moved = new Map<RoutingRule, { stats: UsageStats; spend: UsdSum }>();
  // One slot per distinct row dimension, found through nested maps: no key string per row.
  interface Slot {
    readonly stats: UsageStats;
    readonly moved: { stats: UsageStats; spend: UsdSum } | null;
  }
  const root: Level<Level<Level<Level<Slot>>>> = new Map();
  const total: UsdSum = { small: 0, big: 0n };
  let calls = 0;
  let lastHour = 0;
  for (const row of input.rows) {
    if (!inPeriod(row)) continue;
    const models = child(child(child(root, row.queryType), row.feature), row.provider);
    let slot = models.get(row.model);
    if (slot === undefined) {
      slot = openSlot(row);
      models.set(row.model, slot);
    }
    const spend = addUsd(total, row.costUsd);
    calls += row.calls;
    lastHour = Math.max(lastHour, row.hour.getTime());
    addRow(slot.stats, row, 0n, spend, -1);
    if (slot.moved) {
      addRow(slot.moved.stats, row, 0n, spend, -1);
      addUsd(slot.moved.spend, row.costUsd);
    }
  }
  const spendE10 = usdSumE10(total);

  function openSlot(row: RollupRow): Slot {
    const identity = identify(row.provider === '' ? null : row.provider, row.model).identity;
    const key = queryTypeModelKey(row.queryType, identity);
    const stats = byQueryTypeModel.get(key) ?? emptyUsageStats(0);
    byQueryTypeModel.set(key, stats);
    const rule = match(row);
    if (rule === null) return { stats, moved: null };
    const entry = moved.get(rule) ?? { stats: emptyUsageStats(0), spend: { small: 0, big: 0n } };
    moved.set(rule, entry);
    return { stats, moved: entry };
  }

  const rateBook = createRateBook(input.priceAt ?? input.period?.end ?? new Date(lastHour + 3_600_000), input.priceOverrides ?? []);
  const perRule: RuleReplay[] = [];
  let beforeTotal = 0n;
  let afterTotal = 0n;
  for (const rule of input.rules) {
    const entry = moved.get(rule);
    if (!entry) continue;
    const beforeE10 = usdSumE10(entry.spend);
    const t = entry.stats.totals;
    const from = byQueryTypeModel.get(queryTypeModelKey(rule.queryType, identify(rule.fromProvider, rule.fromModel).identity));
    const to = byQueryTypeModel.get(queryTypeModelKey(rule.queryType, identify(rule.toProvider, rule.toModel).identity));
    const observed = !!from && !!to && from.totals[F.calls]! >= minObserved && to.totals[F.calls]! >= minObserved;
    const ratio = (field: number) => {
      if (!observed) return 1;
      const mine = from.totals[field]! / from.totals[F.calls]!;
      return mine > 0 ? to.totals[field]! / to.totals[F.calls]! / mine : 1;
    };
    const share = (part: number, whole: number, own: Float64Array) => (own[whole]! > 0 ? own[part]! / own[whole]! : 0);
    const shareSource = observed ? to.totals : t;
    const priced = t[F.calls]! > 0 ? t[F.pricedCalls]! / t[F.calls]! : 0;
    const input_ = t[F.input]! * priced * ratio(F.input);
    const output = t[F.output]! * priced * ratio(F.output);
    const rates = rateBook(rule.toProvider, rule.toModel, t[F.calls]! > 0 ? (t[F.input]! * ratio(F.input)) / t[F.calls]! : 0);
    const afterE10 =
      rates === null
        ? beforeE10
        : usdE10FromEstimate(
            costOf(rates, {
              calls: t[F.pricedCalls]!,
              input: input_,
              output,
              cacheRead: input_ * share(F.cacheRead, F.input, shareSource),
              cacheWrite: input_ * share(F.cacheWrite, F.input, shareSource),
              reasoning: output * share(F.reasoning, F.output, shareSource),
            }),
          );
    beforeTotal += beforeE10;
    afterTotal += afterE10;
    perRule.push({
      ruleId: rule.id,
      callsMoved: t[F.calls]!,
      unpricedCallsMoved: t[F.calls]! - t[F.pricedCalls]!,
      spendBeforeUsd: formatUsd(beforeE10),
      spendAfterUsd: formatUsd(afterE10),
      costMethod: observed ? 'observed_tokens' : 'price_ratio',
      targetUnpriced: rates === null,
    });
  }
  const unmoved = spendE10 - beforeTotal;
  return {
    calls,
    spendUsd: formatUsd(spendE10),
    projectedSpendUsd: formatUsd(unmoved + afterTotal),
    unmovedSpendUsd: formatUsd(unmoved),
    movedSpendBeforeUsd: formatUsd(beforeTotal),
    movedSpendAfterUsd: formatUsd(afterTotal),
    savingUsd: formatUsd(beforeTotal - afterTotal),
    callsMoved: perRule.reduce((sum, r) => sum + r.callsMoved, 0),
    perRule,
  };
}
