/**
 * Evaluates the query-type classifier and measures its cost.
 *
 *   npx tsx bench/classifier/run.ts
 *
 * 1. HEADLINE — cross-source evaluation: bench/classifier/data/eval-prompts.jsonl, labelled
 *    prompts from public sources the classifier is never trained on (English, Chinese and
 *    five more languages; sources and licences in data/README.md). The shipped classifier
 *    and the previously shipped one (the baseline, loaded from git in the same run) are
 *    scored on it: macro-F1 (unknown counted as a miss), accuracy, unknown share, per
 *    language and per source. The run refuses to score if any evaluation prompt is also a
 *    training prompt.
 * 2. Grouped 5-fold cross-validation held out BY SOURCE over the public training rows (an NI
 *    task or a whole benchmark is never in training and test at once), and a random 5-fold
 *    split for comparison; the authored and GPTeacher prompts are in every training fold and
 *    never scored.
 *    Each fold's model is trained with the shipped settings (and temperature) and quantised as
 *    shipped. The unknown share at several thresholds is printed from these out-of-fold
 *    predictions: that, not the evaluation set, is what the threshold is chosen on.
 * 3. Size of the shipped model file, and latency of classifyPrompt per prompt (dev prompts
 *    and 4,000-character prompts) against lower-casing and splitting the same text.
 *
 *   npx tsx bench/classifier/run.ts --latency-only      # skip the evaluations
 *   npx tsx bench/classifier/run.ts --skip-cv           # skip the cross-validation
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyPrompt } from '../../packages/analyzer/src/query-types/classify-prompt.ts';
import {
  createPromptClassifier,
  QUERY_TYPE_CONFIDENCE_THRESHOLD,
  type PromptClassifier,
} from '../../packages/analyzer/src/query-types/create-prompt-classifier.ts';
import { decodeQueryTypeModel } from '../../packages/analyzer/src/query-types/query-type-model.ts';
import { TEXT_QUERY_TYPES } from '../../packages/analyzer/src/query-types/query-type.ts';
import { SHIPPED_QUERY_TYPE_MODEL } from '../../packages/analyzer/src/query-types/shipped-query-type-model.ts';
import { crossValidate, type FoldPrediction } from '../../packages/analyzer/src/query-types/training/cross-validate.ts';
import { scoreClassification } from '../../packages/analyzer/src/query-types/training/score-classification.ts';
import { groupedFolds, stratifiedFolds } from '../../packages/analyzer/src/query-types/training/split-folds.ts';
import { toTrainingData } from '../../packages/analyzer/src/query-types/training/training-data.ts';
import { readTrainingRows } from '../../packages/analyzer/scripts/read-training-rows.ts';
import { datasetOf, leakedRows, readEvalPrompts, scoreSlice, type EvalPromptRow } from './cross-source.ts';
import { loadPreviousClassifier, PREVIOUS_CLASSIFIER_COMMIT } from './previous-classifier.ts';

const FOLDS = 5;
const FOLD_SEED = 1;
const THRESHOLDS = [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const { rows: trainingRows, devRows } = readTrainingRows();
const data = toTrainingData(trainingRows);
const examples = data.evaluated;
const trainingOnly = data.trainingOnly;
const truth = examples.map((e) => e.label);
const labels: readonly string[] = TEXT_QUERY_TYPES;
const temperature = SHIPPED_QUERY_TYPE_MODEL.temperature;

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const f3 = (x: number): string => x.toFixed(3);

function crossSource(rows: readonly EvalPromptRow[], classifiers: readonly { name: string; classify: PromptClassifier }[]): void {
  console.log(`\n=== cross-source evaluation (HEADLINE): ${rows.length} prompts from sources never trained on ===`);
  const results = classifiers.map(({ name, classify }) => ({ name, predictions: rows.map((r) => classify(r.prompt)) }));
  const slices: { title: string; pick: (r: EvalPromptRow) => string }[] = [
    { title: 'language', pick: (r) => r.lang },
    { title: 'source', pick: datasetOf },
  ];
  const line = (name: string, slice: ReturnType<typeof scoreSlice>): string =>
    `${name.padEnd(34)} n ${String(slice.n).padStart(4)}  macro-F1 ${f3(slice.score.macroF1)}  accuracy ${f3(slice.score.accuracy)}  unknown ${pct(slice.unknownShare)}%`;
  for (const { name, predictions } of results) {
    console.log(line(`ALL — ${name}`, scoreSlice(rows, predictions)));
  }
  const [shipped, previous] = results;
  if (shipped && previous) {
    const a = scoreSlice(rows, shipped.predictions);
    const b = scoreSlice(rows, previous.predictions);
    console.log(
      `ratio shipped / previous: macro-F1 ${(a.score.macroF1 / b.score.macroF1).toFixed(2)}x, ` +
        `unknown share ${(a.unknownShare / Math.max(1e-9, b.unknownShare)).toFixed(2)}x`,
    );
  }
  for (const { title, pick } of slices) {
    console.log(`by ${title}:`);
    for (const key of [...new Set(rows.map(pick))].sort()) {
      const idx = rows.map((r, i) => (pick(r) === key ? i : -1)).filter((i) => i >= 0);
      for (const { name, predictions } of results) {
        console.log(`  ${line(`${key} — ${name}`, scoreSlice(idx.map((i) => rows[i]!), idx.map((i) => predictions[i]!)))}`);
      }
    }
  }
  if (shipped) {
    const score = scoreSlice(rows, shipped.predictions).score;
    console.log(`per class (${shipped.name}):`);
    for (const c of score.perClass) {
      console.log(`  ${c.label.padEnd(17)} support ${String(c.support).padStart(4)}  prec ${f3(c.precision)}  rec ${f3(c.recall)}  F1 ${f3(c.f1)}`);
    }
    const confusions = score.confusion
      .flatMap((row, t) => row.map((n, p) => ({ n, t: score.perClass[t]!.label, p: score.predictionLabels[p]! })))
      .filter((c) => c.t !== c.p && c.n > 0)
      .sort((x, y) => y.n - x.n)
      .slice(0, 10);
    console.log(`  main confusions: ${confusions.map((c) => `${c.t} → ${c.p} (${c.n})`).join('; ')}`);
  }
}

function majorityBaseline(folds: readonly number[]): string[] {
  return truth.map((_, i) => {
    const counts = new Map<string, number>();
    truth.forEach((label, j) => {
      if (folds[j] !== folds[i]) counts.set(label, (counts.get(label) ?? 0) + 1);
    });
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  });
}

function expectedCalibrationError(predictions: readonly FoldPrediction[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  predictions.forEach((p, i) => {
    const bin = bins[Math.min(9, Math.floor(p.confidence * 10))]!;
    bin.n += 1;
    bin.confidence += p.confidence;
    bin.correct += p.predicted === truth[i] ? 1 : 0;
  });
  return bins.reduce((sum, b) => sum + (b.n === 0 ? 0 : Math.abs(b.correct - b.confidence)), 0) / predictions.length;
}

function report(name: string, folds: readonly number[]): number {
  const started = performance.now();
  const predictions = crossValidate(examples, folds, { temperature }, trainingOnly);
  const seconds = (performance.now() - started) / 1000;
  const predicted = predictions.map((p) => p.predicted);
  const score = scoreClassification(truth, predicted, labels);
  const baseline = scoreClassification(truth, majorityBaseline(folds), labels);

  console.log(`\n=== ${name} (${FOLDS} folds, ${seconds.toFixed(0)} s, temperature ${temperature}) ===`);
  console.log(`${'class'.padEnd(17)} support  prec   rec    F1`);
  for (const c of score.perClass) {
    console.log(`${c.label.padEnd(17)} ${String(c.support).padStart(7)}  ${f3(c.precision)}  ${f3(c.recall)}  ${f3(c.f1)}`);
  }
  console.log(`macro-F1 ${f3(score.macroF1)}   accuracy ${f3(score.accuracy)}`);
  console.log(`majority-class baseline: macro-F1 ${f3(baseline.macroF1)}, accuracy ${f3(baseline.accuracy)}`);
  console.log(`expected calibration error (10 bins): ${f3(expectedCalibrationError(predictions))}`);
  console.log('threshold → unknown share, accuracy when decided, macro-F1 counting unknown as a miss:');
  for (const threshold of THRESHOLDS) {
    const thresholded = predictions.map((p) => (p.confidence >= threshold ? p.predicted : 'unknown'));
    const covered = thresholded.filter((p) => p !== 'unknown').length;
    const coveredCorrect = thresholded.filter((p, i) => p === truth[i]).length;
    const marker = threshold === QUERY_TYPE_CONFIDENCE_THRESHOLD ? '  ← shipped threshold' : '';
    console.log(
      `  ${threshold.toFixed(2)}: unknown ${pct(1 - covered / truth.length)}%, accuracy when decided ${pct(coveredCorrect / Math.max(1, covered))}%, ` +
        `macro-F1 ${f3(scoreClassification(truth, thresholded, labels).macroF1)}${marker}`,
    );
  }

  const byDataset = new Map<string, { n: number; correct: number }>();
  predictions.forEach((p, i) => {
    const entry = byDataset.get(examples[i]!.dataset) ?? { n: 0, correct: 0 };
    entry.n += 1;
    entry.correct += p.predicted === truth[i] ? 1 : 0;
    byDataset.set(examples[i]!.dataset, entry);
  });
  console.log('accuracy by data set:');
  for (const [dataset, { n, correct }] of [...byDataset].sort()) {
    console.log(`  ${dataset.padEnd(28)} ${pct(correct / n)}%  (${correct}/${n})`);
  }
  const confusions = score.confusion
    .flatMap((row, t) => row.map((n, p) => ({ n, t: labels[t]!, p: score.predictionLabels[p]! })))
    .filter((c) => c.t !== c.p && c.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 8);
  console.log(`main confusions: ${confusions.map((c) => `${c.t} → ${c.p} (${c.n})`).join('; ')}`);
  return score.macroF1;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Times `fn` on every text, `rounds` times. Prints percentiles over all calls (raw, includes
 * whatever else the machine is doing) and over each text's fastest round (its own cost).
 */
function latency(name: string, texts: readonly string[], fn: (text: string) => unknown, rounds: number): number[] {
  for (const text of texts) fn(text);
  const all: number[] = [];
  const best = texts.map(() => Infinity);
  for (let r = 0; r < rounds; r += 1) {
    texts.forEach((text, i) => {
      const t0 = performance.now();
      fn(text);
      const ms = performance.now() - t0;
      all.push(ms);
      best[i] = Math.min(best[i]!, ms);
    });
  }
  const line = (label: string, times: number[]): number[] => {
    const sorted = [...times].sort((a, b) => a - b);
    const stats = [0.5, 0.95, 0.99].map((q) => percentile(sorted, q));
    console.log(`${label.padEnd(56)} p50 ${stats[0]!.toFixed(4)} ms  p95 ${stats[1]!.toFixed(4)} ms  p99 ${stats[2]!.toFixed(4)} ms`);
    return stats;
  };
  line(`${name}, all calls`, all);
  return line(`${name}, best of ${rounds} per prompt`, best);
}

console.log(
  `query-type classifier bench — node ${process.version}; shipped threshold ${QUERY_TYPE_CONFIDENCE_THRESHOLD}, temperature ${temperature}; ` +
    `training: ${examples.length} dev.jsonl rows (scored by the cross-validation), ${trainingOnly.length} authored or GPTeacher rows (always in training)`,
);
if (!process.argv.includes('--latency-only')) {
  const evalRows = readEvalPrompts();
  const leaked = leakedRows(evalRows, trainingRows.map((r) => r.prompt));
  if (leaked.length > 0) throw new Error(`evaluation prompts found in the training data: ${leaked.map((r) => r.id).join(', ')}`);
  const previous = await loadPreviousClassifier();
  crossSource(evalRows, [
    { name: 'shipped', classify: classifyPrompt },
    { name: `previous (${PREVIOUS_CLASSIFIER_COMMIT})`, classify: previous },
  ]);
  if (!process.argv.includes('--skip-cv')) {
    const grouped = report('held out by source (NI task / benchmark)', groupedFolds(examples.map((e) => e.group), FOLDS, FOLD_SEED));
    const random = report('random split, stratified by label', stratifiedFolds(truth, FOLDS, FOLD_SEED));
    console.log(`\nmacro-F1 (no threshold): grouped ${f3(grouped)}, random ${f3(random)} (gap ${f3(random - grouped)})`);
  }
}

const modelFile = root('packages/analyzer/src/query-types/shipped-query-type-model.ts');
console.log(`\nshipped model file: ${statSync(modelFile).size} bytes (limit 1,048,576)`);

console.log('\nlatency per prompt (classifyPrompt, shipped model):');
// A fresh classifier, so the first call decodes the weights even if the evaluation ran before.
const fresh = createPromptClassifier(() => decodeQueryTypeModel(SHIPPED_QUERY_TYPE_MODEL));
const coldStart = performance.now();
fresh('warm up: decode the shipped weights');
console.log(`first call (decodes the weights once): ${(performance.now() - coldStart).toFixed(1)} ms`);
const devTexts = devRows.map((r) => r.prompt);
const joined = devTexts.join('\n\n');
const longTexts = Array.from({ length: 200 }, (_, i) => joined.slice(i * 4000, (i + 1) * 4000));
const baselineSplit = (text: string): number => text.toLowerCase().split(/\s+/).length;
const dev = latency(`dev prompts (median ${devTexts.map((t) => t.length).sort((a, b) => a - b)[devTexts.length >> 1]} chars)`, devTexts, classifyPrompt, 5);
const devBase = latency('  baseline (toLowerCase + split)', devTexts, baselineSplit, 5);
const long = latency('4,000-char prompts', longTexts, classifyPrompt, 10);
const longBase = latency('  baseline (toLowerCase + split)', longTexts, baselineSplit, 10);
console.log(`ratio to baseline (best-of p50): dev ${(dev[0]! / devBase[0]!).toFixed(1)}x, 4,000-char ${(long[0]! / longBase[0]!).toFixed(1)}x`);
console.log(`p95 budget 1 ms: ${long[1]! <= 1 ? 'met' : 'NOT met'} (4,000-char best-of p95 ${long[1]!.toFixed(3)} ms; compare the all-calls lines and the baseline's to judge machine noise)`);
