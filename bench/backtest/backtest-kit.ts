/**
 * The pieces of the backtest: a seeded split by feature, items as rollups (the project's
 * traffic on the strong model plus eval traffic of the others), and the replay of a rule
 * set on held-out items, next to what the learning split predicted.
 */
import type { Catalog } from '../../packages/analyzer/src/catalog/build-catalog.ts';
import { DEFAULT_CATALOG } from '../../packages/analyzer/src/catalog/build-catalog.ts';
import type { EvalOutcome, RollupRow } from '../../packages/analyzer/src/findings/index.ts';
import { createModelIdentity } from '../../packages/analyzer/src/findings/model-identity.ts';
import { formatUsd } from '../../packages/analyzer/src/prices/money.ts';
import type { PriceOverride } from '../../packages/analyzer/src/prices/price-types.ts';
import { seededRandom } from '../../packages/analyzer/src/query-types/training/seeded-random.ts';
import { createRuleMatcher, whatIf, type RoutingRule } from '../../packages/analyzer/src/rules/index.ts';
import type { Dataset, Item } from './datasets.ts';

/** The period the backtest rollups are spread over. */
export const PERIOD = { start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-10-31T00:00:00Z') };

/** Splits each feature's items at random into two halves (seeded); a feature of one item goes to the first. */
export function splitItems(items: readonly Item[], seed: number): [Item[], Item[]] {
  const rand = seededRandom(seed);
  const byFeature = new Map<string, Item[]>();
  for (const item of items) byFeature.set(item.feature, [...(byFeature.get(item.feature) ?? []), item]);
  const first: Item[] = [];
  const second: Item[] = [];
  for (const feature of [...byFeature.keys()].sort()) {
    const shuffled = [...byFeature.get(feature)!];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const half = Math.ceil(shuffled.length / 2);
    first.push(...shuffled.slice(0, half));
    second.push(...shuffled.slice(half));
  }
  return [first, second];
}

/** SWE-bench has costs, not tokens: every model priced at $1 per million "cost tokens". */
export function costOverrides(dataset: Dataset): PriceOverride[] {
  if (!dataset.costTokens) return [];
  return dataset.models.map((model) => ({
    id: `backtest-${model.id}`,
    provider: null,
    model: model.id,
    inputPerMTok: '1',
    outputPerMTok: '1',
    cacheReadPerMTok: null,
    cacheWritePerMTok: null,
    effectiveFrom: new Date('2020-01-01T00:00:00Z'),
    projectId: null,
  }));
}

/**
 * The items as hourly rollups over {@link PERIOD}: the strong model's calls in `production`
 * (the project's traffic) and every other model's in `eval` (its evaluation runs on the same
 * items, which give the observed tokens per call).
 */
export function itemsToRollups(items: readonly Item[], dataset: Dataset): RollupRow[] {
  const hours = Math.round((PERIOD.end.getTime() - PERIOD.start.getTime()) / 3_600_000);
  const rows = new Map<string, RollupRow & { e10: bigint }>();
  items.forEach((item, index) => {
    const hour = new Date(PERIOD.start.getTime() + (index % hours) * 3_600_000);
    for (const model of dataset.models) {
      const result = item.results.get(model.id);
      if (!result) continue;
      const key = `${index % hours}/${model.id}/${item.feature}`;
      const row = rows.get(key) ?? {
        hour,
        provider: model.provider,
        model: model.id,
        queryType: dataset.queryType,
        feature: item.feature,
        environment: model.id === dataset.strong ? 'production' : 'eval',
        calls: 0,
        errorCalls: 0,
        truncatedCalls: 0,
        unpricedCalls: 0,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
        costUsd: '0',
        durationMsSum: 0,
        ttftMsSum: 0,
        ttftCalls: 0,
        e10: 0n,
      };
      row.calls += 1;
      row.inputTokens += result.inputTokens;
      row.outputTokens += result.outputTokens;
      row.e10 += BigInt(Math.round(result.costUsd * 1e10));
      row.costUsd = formatUsd(row.e10);
      rows.set(key, row);
    }
  });
  return [...rows.values()].map(({ e10: _, ...row }) => row);
}

/** Every model's result on every item, as eval outcomes. */
export function outcomesOf(items: readonly Item[], dataset: Dataset): EvalOutcome[] {
  return items.flatMap((item) =>
    [...item.results.entries()].map(([model, result]) => ({ queryType: dataset.queryType, feature: item.feature, itemId: item.id, model, correct: result.correct })),
  );
}

/** Predicted (learning split) against realized (held-out replay) for one strategy. */
export interface Outcome {
  readonly strategy: string;
  readonly rules: number;
  readonly strongShare: { readonly predicted: number; readonly realized: number };
  /** Accuracy as a share of the strong model's accuracy on the same items. */
  readonly quality: { readonly predicted: number; readonly realized: number };
  /** Cost as a share of the strong model's cost on the same items. */
  readonly cost: { readonly predicted: number; readonly realized: number };
}

const accuracy = (items: readonly Item[], model: (item: Item) => string) =>
  items.reduce((sum, item) => sum + Number(item.results.get(model(item))?.correct ?? false), 0);
const cost = (items: readonly Item[], model: (item: Item) => string) =>
  items.reduce((sum, item) => sum + (item.results.get(model(item))?.costUsd ?? 0), 0);

/**
 * Predicted: what the learning split says — calls moved and spend from `whatIf` over the
 * learning rollups, quality from each rule's expected change in points (its finding's
 * evidence) over the calls it moves. Realized: the rules replayed item by item on the
 * held-out half with each model's real result and cost. Rules without evidence (the fixed
 * baselines) are predicted from their own results on the learning split.
 */
export function evaluate(
  strategy: string,
  rules: readonly RoutingRule[],
  split: { readonly learn: readonly Item[]; readonly test: readonly Item[]; readonly learnRows: readonly RollupRow[] },
  dataset: Dataset,
  catalog: Catalog = DEFAULT_CATALOG,
): Outcome {
  const strongProvider = dataset.models[0]!.provider;
  const match = createRuleMatcher(rules, createModelIdentity(catalog));
  const route = (item: Item) =>
    match({ queryType: dataset.queryType, feature: item.feature, provider: strongProvider, model: dataset.strong })?.toModel ?? dataset.strong;
  const strong = () => dataset.strong;
  const realized = {
    strongShare: split.test.filter((item) => route(item) === dataset.strong).length / split.test.length,
    quality: accuracy(split.test, route) / accuracy(split.test, strong),
    cost: cost(split.test, route) / cost(split.test, strong),
  };
  const replay = whatIf({ rows: split.learnRows, rules, period: PERIOD, priceOverrides: costOverrides(dataset), catalog });
  const strongCalls = split.learn.length;
  const strongCorrect = accuracy(split.learn, strong);
  const strongSpend = cost(split.learn, strong);
  let moved = 0;
  let deltaCorrect = 0;
  let deltaSpend = 0;
  for (const replayed of replay.perRule) {
    const rule = rules.find((r) => r.id === replayed.ruleId)!;
    moved += replayed.callsMoved;
    deltaSpend += Number(replayed.spendAfterUsd) - Number(replayed.spendBeforeUsd);
    deltaCorrect += rule.evidence
      ? (rule.evidence.quality.deltaPoints.point / 100) * replayed.callsMoved
      : accuracy(split.learn, route) - strongCorrect; // a fixed rule: its own learning-split result
  }
  return {
    strategy,
    rules: rules.length,
    strongShare: { predicted: 1 - moved / strongCalls, realized: realized.strongShare },
    quality: { predicted: (strongCorrect + deltaCorrect) / strongCorrect, realized: realized.quality },
    cost: { predicted: (strongSpend + deltaSpend) / strongSpend, realized: realized.cost },
  };
}
