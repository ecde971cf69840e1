/**
 * Per-prompt routing on MMLU (GPT-4 vs Mixtral 8x7B), not part of `npm test`. Question: can a
 * signal computed from the prompt text alone (what the SDK could compute locally before
 * the call) keep ≥ 97.5% of GPT-4's accuracy with ≤ 55% of calls on GPT-4, held out?
 *
 *   npx tsx bench/backtest/per-prompt-router.ts
 *
 * Method: the items and splits of run.ts (`loadRouteLlm('mmlu')`, i.e. without high_school_mathematics
 * and the contaminated ids; `splitItems`: every subject split in half at random; seeds 1–5,
 * each half learning once = 10 runs). On the learning half
 * a binary logistic regression (SGD, L2) is trained over the analyzer's hashed prompt features
 * (`vectorizeExamples`: word uni/bigrams, char 3/4-grams, instruction-region words, length /
 * digit / symbol / line bins) plus a subject one-hot. Targets: (a) P(weak wrong),
 * (b) P(strong right ∧ weak wrong), (c) expected loss P(strong right ∧ weak wrong) −
 * P(strong wrong ∧ weak right) (two models). Calls are sent to GPT-4 in decreasing score order.
 * The strong share is chosen on the learning half only: 5-fold out-of-fold scores, smallest
 * share (0.5% steps) whose out-of-fold quality is ≥ 97.5%; on the held-out half the same share
 * of calls (highest full-model scores, labels unused) goes to GPT-4. Quality = accuracy as a
 * share of always-GPT-4's accuracy on the same held-out items. Baselines: random routing
 * (exact expectation) and per-subject ordering (subjects by learning-half loss rate), plus an
 * oracle (held-out labels) for scale only.
 *
 * Data (read at run time from ../shared/data/routing-backtest, see its README): RouteLLM
 * evaluation responses (lm-sys/RouteLLM @0b64fdaf, Apache-2.0; prompts from MMLU, MIT).
 */
import { readFileSync } from 'node:fs';
import { seededRandom, shuffled } from '../../packages/analyzer/src/query-types/training/seeded-random.ts';
import { vectorizeExamples, type SparseVector } from '../../packages/analyzer/src/query-types/training/train-query-type-model.ts';
import { splitItems } from './backtest-kit.ts';
import { DATA_DIR, loadRouteLlm, type Item } from './datasets.ts';

const TARGET = 0.975;
const MAX_STRONG_SHARE = 0.55;
const CURVE_SHARES = [0.35, 0.45, 0.55, 0.65, 0.75, 0.85];
const DIMS = 2 ** 15;
const FOLDS = 5;
/** Fixed up front, not tuned on held-out results (l2 1e-3 or 1e-2, or 20 epochs, give the same picture). */
const LR = { epochs: 8, rate: 0.2, l2: 1e-4 };

/** One held-out-able prompt: its features and both models' results. */
interface Row {
  readonly item: Item;
  readonly subject: number;
  readonly x: SparseVector;
  readonly strong: number;
  readonly weak: number;
}

const dataset = loadRouteLlm('mmlu');
const prompts = new Map<string, string>();
for (const line of readFileSync(`${DATA_DIR}routellm-mmlu.jsonl`, 'utf8').split('\n')) {
  if (line.trim() !== '') {
    const row = JSON.parse(line) as { id: string; prompt: string };
    prompts.set(row.id, row.prompt);
  }
}
const subjects = [...new Set(dataset.items.map((item) => item.feature))].sort();
const vectors = vectorizeExamples(dataset.items.map((item) => ({ text: prompts.get(item.id)!, label: 'general' as never, group: item.feature })), { dims: DIMS });
const rowOf = new Map<Item, Row>(
  dataset.items.map((item, i) => [
    item,
    {
      item,
      subject: subjects.indexOf(item.feature),
      x: vectors[i]!,
      strong: Number(item.results.get(dataset.strong)!.correct),
      weak: Number(item.results.get(dataset.weak)!.correct),
    },
  ]),
);

/** A scorer learns from rows and returns a score function (higher = send to GPT-4 first). */
type Scorer = (learn: readonly Row[], seed: number) => (row: Row) => number;

/** Binary logistic regression over the hashed features, a subject one-hot and a bias. */
function logistic(label: (row: Row) => number): Scorer {
  return (learn, seed) => {
    const w = new Float64Array(DIMS + subjects.length + 1);
    const bias = DIMS + subjects.length;
    const margin = (row: Row) => {
      let z = w[bias]! + w[DIMS + row.subject]!;
      for (let j = 0; j < row.x.indices.length; j++) z += w[row.x.indices[j]!]! * row.x.values[j]!;
      return z;
    };
    const random = seededRandom(seed);
    for (let epoch = 0; epoch < LR.epochs; epoch++) {
      const rate = LR.rate / (1 + epoch);
      for (const row of shuffled(learn, random)) {
        const g = 1 / (1 + Math.exp(-margin(row))) - label(row);
        for (let j = 0; j < row.x.indices.length; j++) {
          const k = row.x.indices[j]!;
          w[k] = w[k]! - rate * (g * row.x.values[j]! + LR.l2 * w[k]!);
        }
        w[DIMS + row.subject] = w[DIMS + row.subject]! - rate * (g + LR.l2 * w[DIMS + row.subject]!);
        w[bias] = w[bias]! - rate * g;
      }
    }
    return (row) => 1 / (1 + Math.exp(-margin(row)));
  };
}

/** Expected loss of the weak model: P(gain) − P(strong wrong ∧ weak right), two models. */
const expectedLoss: Scorer = (learn, seed) => {
  const gain = logistic((r) => Number(r.strong > r.weak))(learn, seed);
  const lossBack = logistic((r) => Number(r.strong < r.weak))(learn, seed + 1);
  return (row) => gain(row) - lossBack(row);
};

/** Per-subject ordering: the subject's learning-half loss rate (strong − weak accuracy). */
const perSubject: Scorer = (learn) => {
  const sum = new Float64Array(subjects.length);
  const n = new Float64Array(subjects.length);
  for (const row of learn) {
    sum[row.subject] = sum[row.subject]! + row.strong - row.weak;
    n[row.subject] = n[row.subject]! + 1;
  }
  return (row) => sum[row.subject]! / Math.max(1, n[row.subject]!);
};

const METHODS: [string, Scorer][] = [
  ['per-subject ordering (learning-half loss rate)', perSubject],
  ['per-prompt LR, (a) P(weak wrong)', logistic((r) => 1 - r.weak)],
  ['per-prompt LR, (b) P(strong right ∧ weak wrong)', logistic((r) => Number(r.strong > r.weak))],
  ['per-prompt LR, (c) expected loss', expectedLoss],
];

/**
 * Quality (accuracy / always-strong accuracy) when the top `share` of rows by score go to the
 * strong model; ties are broken by a seeded shuffle, so within a subject it is random.
 */
function qualityAt(rows: readonly Row[], scores: readonly number[], share: number, seed: number): number {
  const tiebreak = shuffled(rows.map((_, i) => i), seededRandom(seed));
  const rank = new Int32Array(rows.length);
  tiebreak.forEach((i, position) => (rank[i] = position));
  const order = rows.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || rank[a]! - rank[b]!);
  const cut = Math.round(share * rows.length);
  let correct = 0;
  order.forEach((i, position) => (correct += position < cut ? rows[i]!.strong : rows[i]!.weak));
  return correct / rows.reduce((s, r) => s + r.strong, 0);
}

/** The smallest share (0.5% steps) meeting the target, on out-of-fold scores of the learning half. */
function chooseShare(learn: readonly Row[], scorer: Scorer, seed: number): number {
  const folds = shuffled(learn.map((_, i) => i % FOLDS), seededRandom(seed + 100));
  const scores = new Array<number>(learn.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const score = scorer(learn.filter((_, i) => folds[i] !== f), seed + f);
    learn.forEach((row, i) => folds[i] === f && (scores[i] = score(row)));
  }
  for (let step = 0; step <= 200; step++) if (qualityAt(learn, scores, step / 200, seed) >= TARGET) return step / 200;
  return 1;
}

/** The held-out share needed to reach the target (read off the held-out curve: description only). */
function neededShare(test: readonly Row[], scores: readonly number[], seed: number): number {
  for (let step = 0; step <= 200; step++) if (qualityAt(test, scores, step / 200, seed) >= TARGET) return step / 200;
  return 1;
}

/** Mean over subjects (pair-weighted) of the AUC of `scores` for "GPT-4 right, Mixtral wrong": 0.5 = no signal within a subject. */
function withinSubjectAuc(test: readonly Row[], scores: readonly number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let s = 0; s < subjects.length; s++) {
    const inSubject = test.map((row, i) => ({ gain: row.strong > row.weak, score: scores[i]! })).filter((_, i) => test[i]!.subject === s);
    for (const p of inSubject.filter((r) => r.gain)) {
      for (const q of inSubject.filter((r) => !r.gain)) {
        wins += p.score > q.score ? 1 : p.score === q.score ? 0.5 : 0;
        pairs += 1;
      }
    }
  }
  return wins / pairs;
}

interface Run {
  auc: number;
  chosenShare: number;
  chosenQuality: number;
  needed: number;
  curve: number[];
}

const runs = new Map<string, Run[]>();
const push = (name: string, run: Run) => runs.set(name, [...(runs.get(name) ?? []), run]);
const started = performance.now();
for (const seed of [1, 2, 3, 4, 5]) {
  for (const swap of [false, true]) {
    const [a, b] = splitItems(dataset.items, seed);
    const [learn, test] = (swap ? [b, a] : [a, b]).map((half) => half.map((item) => rowOf.get(item)!)) as [Row[], Row[]];
    const runSeed = seed * 10 + Number(swap);
    const strongAcc = test.reduce((s, r) => s + r.strong, 0);
    const weakAcc = test.reduce((s, r) => s + r.weak, 0);
    const random = (share: number) => (share * strongAcc + (1 - share) * weakAcc) / strongAcc;
    const randomNeeded = Math.ceil(200 * ((TARGET * strongAcc - weakAcc) / (strongAcc - weakAcc))) / 200;
    push('random (expectation)', { auc: 0.5, chosenShare: randomNeeded, chosenQuality: random(randomNeeded), needed: randomNeeded, curve: CURVE_SHARES.map(random) });
    for (const [name, scorer] of METHODS) {
      const share = chooseShare(learn, scorer, runSeed);
      const score = scorer(learn, runSeed);
      const scores = test.map(score);
      const curve = CURVE_SHARES.map((s) => qualityAt(test, scores, s, runSeed));
      push(name, { auc: withinSubjectAuc(test, scores), chosenShare: share, chosenQuality: qualityAt(test, scores, share, runSeed), needed: neededShare(test, scores, runSeed), curve });
    }
    const oracle = test.map((r) => r.strong - r.weak);
    push('oracle (held-out labels; scale only)', { auc: withinSubjectAuc(test, oracle), chosenShare: NaN, chosenQuality: NaN, needed: neededShare(test, oracle, runSeed), curve: [] });
    console.error(`seed ${seed}${swap ? ' (swapped)' : ''} done, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
const stat = (values: number[]) =>
  Number.isNaN(values[0]!) ? '–' : `${pct(values.reduce((s, v) => s + v, 0) / values.length)} [${pct(Math.min(...values))}, ${pct(Math.max(...values))}]`;
const mean = (values: number[]) => pct(values.reduce((s, v) => s + v, 0) / values.length);

console.log(`MMLU per-prompt routing, ${dataset.items.length} items, seeds 1–5 × both halves (10 runs); target ≥ ${TARGET * 100}% quality with ≤ ${Math.round(MAX_STRONG_SHARE * 100)}% strong calls.\n`);
console.log('Strong share chosen on the learning half (5-fold out-of-fold), replayed held out: mean [min, max].\n');
console.log('| strategy | calls on GPT-4 | quality retained | runs meeting target | held-out share needed for 97.5% (curve read-out) | within-subject AUC (GPT-4 right ∧ Mixtral wrong) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, list] of runs) {
  const met = list.filter((r) => r.chosenShare <= MAX_STRONG_SHARE && r.chosenQuality >= TARGET).length;
  console.log(`| ${name} | ${stat(list.map((r) => r.chosenShare))} | ${stat(list.map((r) => r.chosenQuality))} | ${Number.isNaN(list[0]!.chosenShare) ? '–' : `${met}/10`} | ${stat(list.map((r) => r.needed))} | ${(list.reduce((s, r) => s + r.auc, 0) / list.length).toFixed(3)} |`);
}
console.log('\nHeld-out quality retained at fixed shares of calls on GPT-4 (mean of 10 runs).\n');
console.log(`| strategy | ${CURVE_SHARES.map((s) => `${Math.round(s * 100)}%`).join(' | ')} |`);
console.log(`| --- | ${CURVE_SHARES.map(() => '---:').join(' | ')} |`);
for (const [name, list] of runs) if (list[0]!.curve.length > 0) console.log(`| ${name} | ${CURVE_SHARES.map((_, k) => mean(list.map((r) => r.curve[k]!))).join(' | ')} |`);
