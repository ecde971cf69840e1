/**
 * Backtest of the analyzer's routing advice on per-prompt results (not part of `npm test`).
 *
 *   npx tsx bench/backtest/run.ts            # main table (seed 1) and the stability table (seeds 1–5, both halves)
 *
 * Method: each dataset's items are split at random into two halves within every feature
 * (MMLU subject, SWE-bench repository; fixed seed). The learning half becomes rollups (the
 * project's traffic on the strong model, plus eval traffic of the other models on the same
 * items) and evidence (catalog overrides per query type, or `buildFeatureEvidence` per
 * feature); the analyzer's own `computeFindings` → `synthesizeRules` make the rules; the
 * held-out half is replayed through the rules with each model's real result and cost.
 * "Predicted" is what the learning half says the rules will do; "realized" is the replay.
 *
 * Data (read at run time from ../shared/data/routing-backtest, see its README): RouteLLM
 * evaluation responses (lm-sys/RouteLLM @0b64fdaf, Apache-2.0) and SWE-bench bash-only
 * per-instance results (SWE-bench/swe-bench.github.io @f1176b65, © SWE-bench, CC BY-NC 4.0).
 */
import { binomialEvidence } from '../../packages/analyzer/src/catalog/binomial-evidence.ts';
import { buildCatalog } from '../../packages/analyzer/src/catalog/build-catalog.ts';
import { buildFeatureEvidence, computeFindings, type FindingsOptions } from '../../packages/analyzer/src/findings/index.ts';
import { synthesizeRules, ZRoutingRule, type RoutingRule } from '../../packages/analyzer/src/rules/index.ts';
import { costOverrides, evaluate, itemsToRollups, outcomesOf, PERIOD, splitItems, type Outcome } from './backtest-kit.ts';
import { loadRouteLlm, loadSweBench, type Dataset, type Item } from './datasets.ts';

/** Keep at least this share of the strong model's quality (the MMLU target is 97.5%). */
const TARGET = 0.975;
const TOLERANCES = [0, 1, 2, 3, 5, 8, 12, 20, 100];
const BASE_OPTIONS: Partial<FindingsOptions> = {
  candidateProviders: 'all',
  qualityFloors: {},
  minCalls: 1,
  minObservedCalls: 10,
  gapPoints: 1000,
};

interface Split {
  readonly learn: Item[];
  readonly test: Item[];
  readonly learnRows: ReturnType<typeof itemsToRollups>;
}

const fromStrong = (dataset: Dataset, rules: RoutingRule[]) => rules.filter((rule) => rule.fromModel === dataset.strong);
const strongAccuracy = (items: readonly Item[], dataset: Dataset) =>
  items.filter((item) => item.results.get(dataset.strong)?.correct).length / items.length;

function perQueryType(dataset: Dataset, split: Split, tolerancePoints: number) {
  // The catalog's headline scores cover the held-out items too: replace them by the learning half's.
  const catalog = buildCatalog(
    dataset.models.map((model) => {
      const learned = split.learn.filter((item) => item.results.has(model.id));
      const percent = (100 * learned.filter((item) => item.results.get(model.id)!.correct).length) / learned.length;
      return {
        id: model.id,
        evidence: {
          [dataset.queryType]: [
            binomialEvidence({ benchmark: `${dataset.name} (backtest learning half)`, percent: Math.round(percent * 100) / 100, n: learned.length, source: dataset.attribution, date: '2026-11-22' }),
          ],
        },
      };
    }),
  );
  const result = computeFindings({ rows: split.learnRows, period: PERIOD, catalog, priceOverrides: costOverrides(dataset), options: { ...BASE_OPTIONS, tolerancePoints } });
  return { rules: fromStrong(dataset, synthesizeRules(result, { minConfidence: 'low', kinds: ['overpaying'] })), catalog };
}

function perFeature(dataset: Dataset, split: Split, tolerancePoints: number, shrink: boolean, target: number | null): RoutingRule[] {
  const featureEvidence = buildFeatureEvidence(outcomesOf(split.learn, dataset), {
    reference: dataset.strong,
    benchmark: `${dataset.name} per feature (backtest learning half)`,
    source: dataset.attribution,
    date: '2026-11-22',
    shrink,
  });
  const result = computeFindings({
    rows: split.learnRows,
    period: PERIOD,
    priceOverrides: costOverrides(dataset),
    featureEvidence,
    options: { ...BASE_OPTIONS, tolerancePoints, byFeature: true },
  });
  // The budget is over the project's (production) calls; totals also count the eval traffic.
  const production = split.learn.length;
  const maxLossPoints = (1 - (target ?? 1)) * 100 * strongAccuracy(split.learn, dataset) * (production / result.totals.calls);
  return fromStrong(dataset, synthesizeRules(result, { minConfidence: 'low', kinds: ['overpaying'], qualityBudget: target === null ? null : { maxLossPoints } }));
}

/** The cheapest predicted rule set over the tolerances that keeps the predicted quality at the target. */
function best(dataset: Dataset, split: Split, shrink: boolean, target = TARGET): { outcome: Outcome; tolerance: number } {
  let chosen: { outcome: Outcome; tolerance: number } | null = null;
  for (const tolerance of TOLERANCES) {
    const outcome = evaluate('', perFeature(dataset, split, tolerance, shrink, target), split, dataset);
    if (outcome.quality.predicted >= target && (!chosen || outcome.cost.predicted < chosen.outcome.cost.predicted)) chosen = { outcome, tolerance };
  }
  return chosen ?? { outcome: evaluate('', [], split, dataset), tolerance: 0 };
}

function splitOf(dataset: Dataset, seed: number, swap: boolean): Split {
  const [a, b] = splitItems(dataset.items, seed);
  const [learn, test] = swap ? [b, a] : [a, b];
  return { learn, test, learnRows: itemsToRollups(learn, dataset) };
}

function strategies(dataset: Dataset, seed: number): Outcome[] {
  const split = splitOf(dataset, seed, false);
  const strongProvider = dataset.models[0]!.provider;
  const weakProvider = dataset.models.find((m) => m.id === dataset.weak)!.provider;
  const alwaysWeak = ZRoutingRule.parse({ id: 'always-weak', queryType: dataset.queryType, feature: null, fromModel: dataset.strong, fromProvider: strongProvider, toModel: dataset.weak, toProvider: weakProvider });
  const typeRules = perQueryType(dataset, split, 2);
  const raw = best(dataset, split, false);
  const shrunk = best(dataset, split, true);
  const looser = best(dataset, split, true, 0.95);
  return [
    evaluate(`always strong (${dataset.strong})`, [], split, dataset),
    evaluate(`always weak (${dataset.weak})`, [alwaysWeak], split, dataset),
    evaluate(
      `per query type, tolerance 2 pts (evidence: learning half)${typeRules.rules.map((r) => ` → ${r.toModel}`).join('')}`,
      typeRules.rules,
      split,
      dataset,
      typeRules.catalog,
    ),
    evaluate('per feature, tolerance 2 pts (shrunk per-feature evidence)', perFeature(dataset, split, 2, true, null), split, dataset),
    { ...raw.outcome, strategy: `per feature, ≥${TARGET * 100}% quality budget, raw per-feature evidence (tol. ${raw.tolerance})` },
    { ...shrunk.outcome, strategy: `**best**: per feature, ≥${TARGET * 100}% quality budget, shrunk evidence (tol. ${shrunk.tolerance})` },
    { ...looser.outcome, strategy: `per feature, ≥95% quality budget, shrunk evidence (tol. ${looser.tolerance})` },
  ];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pair = (p: { predicted: number; realized: number }) => `${pct(p.predicted)} / ${pct(p.realized)}`;

function table(name: string, outcomes: readonly Outcome[]): string[] {
  return outcomes.map((o) => {
    const dq = (100 * (o.quality.realized - o.quality.predicted)).toFixed(1);
    const dc = o.cost.predicted > 0 ? (100 * (o.cost.realized / o.cost.predicted - 1)).toFixed(1) : '–';
    return `| ${name} | ${o.strategy} | ${o.rules} | ${pair(o.strongShare)} | ${pair(o.quality)} | ${pair(o.cost)} | ${dq} pts | ${dc}% |`;
  });
}

const datasets = [loadRouteLlm('mmlu'), loadRouteLlm('gsm8k'), loadSweBench()];
console.log('Routing backtest — predicted (learning half) / realized (held-out half); seed 1.\n');
console.log('| dataset | strategy | rules | calls on strong model | quality retained | cost vs always strong | quality: realized − predicted | cost: realized vs predicted |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const dataset of datasets) for (const line of table(dataset.name, strategies(dataset, 1))) console.log(line);

console.log('\nStability over seeds 1–5, each half learning once (10 runs): mean [min, max].\n');
console.log('| dataset | evidence | calls on strong model (realized) | quality retained (realized) | cost vs always strong (realized) | \\|quality error\\| | \\|cost error\\| |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const dataset of datasets) {
  for (const shrink of [true, false]) {
    const runs = [1, 2, 3, 4, 5].flatMap((seed) => [false, true].map((swap) => best(dataset, splitOf(dataset, seed, swap), shrink).outcome));
    const stat = (values: number[], f: (x: number) => string) =>
      `${f(values.reduce((s, v) => s + v, 0) / values.length)} [${f(Math.min(...values))}, ${f(Math.max(...values))}]`;
    const points = (x: number) => `${(100 * x).toFixed(1)} pts`;
    console.log(
      `| ${dataset.name} | ${shrink ? '**best** (shrunk)' : 'raw'} | ${stat(runs.map((r) => r.strongShare.realized), pct)} | ` +
        `${stat(runs.map((r) => r.quality.realized), pct)} | ${stat(runs.map((r) => r.cost.realized), pct)} | ` +
        `${stat(runs.map((r) => Math.abs(r.quality.realized - r.quality.predicted)), points)} | ` +
        `${stat(runs.map((r) => Math.abs(r.cost.realized / r.cost.predicted - 1)), pct)} |`,
    );
  }
}
