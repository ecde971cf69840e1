/**
 * Chooses training settings of the query-type classifier by NESTED grouped cross-validation,
 * so that no setting is ever picked by looking at the rows it is evaluated on.
 *
 * The outer folds are the bench's (grouped 5-fold, seed 1, public rows of dev.jsonl only).
 * For one outer fold, the candidates are compared by inner grouped 4-fold cross-validation
 * (seed 2) over the public rows of the OTHER four outer folds; the authored prompts are in
 * every inner training set and never scored. Nothing of the outer fold is read.
 *
 *   npx tsx packages/analyzer/scripts/tune-classifier.ts --outer 0          # inner CV for outer fold 0
 *   npx tsx packages/analyzer/scripts/tune-classifier.ts --outer 0 --score cand
 *     # after the inner CV of fold 0 picked `cand`: train on the other folds, score fold 0
 *
 * Running the inner CV for every outer fold, then `--score` with each fold's own winner, gives
 * the nested estimate of the whole procedure (settings chosen + model trained). One outer fold
 * per run keeps each run short (about a minute per candidate set on two shared cores).
 */
import { TEXT_QUERY_TYPES } from '../src/query-types/query-type.ts';
import { crossValidate } from '../src/query-types/training/cross-validate.ts';
import { scoreClassification } from '../src/query-types/training/score-classification.ts';
import { groupedFolds } from '../src/query-types/training/split-folds.ts';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from '../src/query-types/training/train-query-type-model.ts';
import { toTrainingData } from '../src/query-types/training/training-data.ts';
import { readTrainingRows } from './read-training-rows.ts';

const OUTER_FOLDS = 5;
const OUTER_SEED = 1;
const INNER_FOLDS = 4;
const INNER_SEED = 2;

/**
 * The candidates compared, each written out in full (not relative to the defaults, which are
 * the winner). This is the final candidate set: the shipped settings are the candidate with
 * the best mean inner macro-F1 over the five outer folds; see the README for the figures.
 */
const v1 = { words: 1, chars: 1, head: 0, headCues: 0, dense: 0.5 };
const head = { words: 1, chars: 1, head: 1, headCues: 0.5, dense: 0.5 };
const common = { dims: 2 ** 15, learningRate: 0.5, seed: 20261122, groupWeightPower: 0.5, temperature: 1 } as const;
const CANDIDATES: Record<string, Required<TrainingOptions>> = {
  base: { ...common, featureScales: v1, epochs: 20, l2: 1e-4, authoredWeight: 1 },
  head_a4_l2x3: { ...common, featureScales: head, epochs: 20, l2: 3e-4, authoredWeight: 4 },
  head_a1_l2x3: { ...common, featureScales: head, epochs: 20, l2: 3e-4, authoredWeight: 1 },
  head_a4_l2x10: { ...common, featureScales: head, epochs: 20, l2: 1e-3, authoredWeight: 4 },
  head_a1_l2x10: { ...common, featureScales: head, epochs: 20, l2: 1e-3, authoredWeight: 1 },
  head_a4_l2x30: { ...common, featureScales: head, epochs: 20, l2: 3e-3, authoredWeight: 4 },
  head_a1_l2x10_ep40: { ...common, featureScales: head, epochs: 40, l2: 1e-3, authoredWeight: 1 },
};
/** The candidate the shipped defaults must equal (best mean inner macro-F1, see README). */
const SHIPPED = 'head_a1_l2x10_ep40';
const sortedJson = (value: object): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );
if (sortedJson(CANDIDATES[SHIPPED]!) !== sortedJson(DEFAULT_TRAINING_OPTIONS)) {
  throw new Error(`DEFAULT_TRAINING_OPTIONS no longer equal candidate ${SHIPPED}: update the candidate set`);
}

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
};
const outer = Number(argument('--outer'));
if (!Number.isInteger(outer) || outer < 0 || outer >= OUTER_FOLDS) throw new Error('--outer 0…4 is required');
const only = argument('--candidates')?.split(',');
const scoreCandidate = argument('--score');

const data = toTrainingData(readTrainingRows().rows);
const outerFolds = groupedFolds(data.evaluated.map((e) => e.group), OUTER_FOLDS, OUTER_SEED);
const outerTraining = data.evaluated.filter((_, i) => outerFolds[i] !== outer);

const macroF1 = (truth: readonly string[], predicted: readonly string[]) =>
  scoreClassification(truth, predicted, TEXT_QUERY_TYPES);

if (scoreCandidate !== undefined) {
  const options = CANDIDATES[scoreCandidate];
  if (!options) throw new Error(`unknown candidate ${scoreCandidate}`);
  // Train on the other outer folds (+ authored), score outer fold `outer` once.
  const folds = outerFolds.map((f) => (f === outer ? 1 : 0));
  const predictions = crossValidate(data.evaluated, folds, options, data.trainingOnly);
  const scored = data.evaluated.map((e, i) => ({ truth: e.label, predicted: predictions[i]!.predicted, fold: folds[i] }));
  const test = scored.filter((s) => s.fold === 1);
  const score = macroF1(test.map((s) => s.truth), test.map((s) => s.predicted));
  console.log(JSON.stringify({ outer, candidate: scoreCandidate, n: test.length, macroF1: score.macroF1, accuracy: score.accuracy }));
  console.log(`PREDICTIONS ${JSON.stringify(test.map((s) => [s.truth, s.predicted]))}`);
} else {
  const innerFolds = groupedFolds(outerTraining.map((e) => e.group), INNER_FOLDS, INNER_SEED);
  const truth = outerTraining.map((e) => e.label);
  console.log(`outer fold ${outer}: ${outerTraining.length} public rows in inner CV (${INNER_FOLDS} grouped folds), ${data.trainingOnly.length} authored rows always in training`);
  const results: { name: string; macroF1: number }[] = [];
  for (const [name, options] of Object.entries(CANDIDATES)) {
    if (only && !only.includes(name)) continue;
    const started = performance.now();
    const predictions = crossValidate(outerTraining, innerFolds, options, data.trainingOnly);
    const score = macroF1(truth, predictions.map((p) => p.predicted));
    results.push({ name, macroF1: score.macroF1 });
    const perClass = score.perClass.map((c) => `${c.label.slice(0, 5)} ${c.f1.toFixed(2)}`).join(' ');
    console.log(`${name.padEnd(22)} inner macro-F1 ${score.macroF1.toFixed(4)}  (${((performance.now() - started) / 1000).toFixed(0)} s)  ${perClass}`);
  }
  const best = [...results].sort((a, b) => b.macroF1 - a.macroF1)[0];
  console.log(`INNER-BEST outer=${outer} ${best?.name} ${best?.macroF1.toFixed(4)}`);
}
