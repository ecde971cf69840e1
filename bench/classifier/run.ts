/**
 * Evaluates the query-type classifier and measures its cost.
 *
 *   npx tsx bench/classifier/run.ts
 *
 * 1. Grouped 5-fold cross-validation held out BY SOURCE: an NI task (all its copies) or a
 *    whole benchmark (MT-Bench, MMLU, GSM8K, MBPP) is never in training and test at once.
 * 2. Random 5-fold cross-validation, stratified by label, for comparison.
 * Each fold's model is trained on the other folds with the shipped settings and quantised
 * as shipped. Baseline: majority class of the training folds.
 * The prompts written for this project (data/authored-prompts/authored.jsonl) are added to
 * EVERY training fold and are never a test fold nor scored: all figures are on public rows
 * only (dev.jsonl), predicted by models that never saw their NI task or benchmark.
 * 3. Size of the shipped model file, and latency of classifyPrompt per prompt (dev prompts
 *    and 4,000-character prompts) against lower-casing and splitting the same text.
 *
 *   npx tsx bench/classifier/run.ts --latency-only      # skip the cross-validation
 *   npx tsx bench/classifier/run.ts --without-authored  # same folds, authored prompts left out of training
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyPrompt } from '../../packages/analyzer/src/query-types/classify-prompt.ts';
import { QUERY_TYPE_CONFIDENCE_THRESHOLD } from '../../packages/analyzer/src/query-types/create-prompt-classifier.ts';
import { TEXT_QUERY_TYPES } from '../../packages/analyzer/src/query-types/query-type.ts';
import { crossValidate, type FoldPrediction } from '../../packages/analyzer/src/query-types/training/cross-validate.ts';
import { scoreClassification } from '../../packages/analyzer/src/query-types/training/score-classification.ts';
import { groupedFolds, stratifiedFolds } from '../../packages/analyzer/src/query-types/training/split-folds.ts';
import { parseTaskPromptRows } from '../../packages/analyzer/src/query-types/training/task-prompt-row.ts';
import { toTrainingData } from '../../packages/analyzer/src/query-types/training/training-data.ts';

const FOLDS = 5;
const FOLD_SEED = 1;
const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const rows = parseTaskPromptRows(readFileSync(root('packages/analyzer/data/task-prompts/dev.jsonl'), 'utf8'));
const authoredRows = parseTaskPromptRows(readFileSync(root('packages/analyzer/data/authored-prompts/authored.jsonl'), 'utf8'));
const withoutAuthored = process.argv.includes('--without-authored');
const data = toTrainingData([...rows, ...authoredRows]);
// Scored rows: public sources only. Training-only rows: authored, in every training fold.
const examples = data.evaluated;
const trainingOnly = withoutAuthored ? [] : data.trainingOnly;
if (examples.length !== rows.length || data.trainingOnly.length !== authoredRows.length) {
  throw new Error('dev.jsonl must hold only public rows and authored.jsonl only authored rows');
}
const truth = examples.map((e) => e.label);
const labels: readonly string[] = TEXT_QUERY_TYPES;

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const f3 = (x: number): string => x.toFixed(3);

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
  const predictions = crossValidate(examples, folds, {}, trainingOnly);
  const seconds = (performance.now() - started) / 1000;
  const predicted = predictions.map((p) => p.predicted);
  const score = scoreClassification(truth, predicted, labels);
  const baseline = scoreClassification(truth, majorityBaseline(folds), labels);

  console.log(`\n=== ${name} (${FOLDS} folds, ${seconds.toFixed(0)} s) ===`);
  const foldSizes = Array.from({ length: FOLDS }, (_, f) => folds.filter((x) => x === f).length);
  console.log(`fold sizes: ${foldSizes.join(', ')}`);
  console.log(`${'class'.padEnd(17)} support  prec   rec    F1`);
  for (const c of score.perClass) {
    console.log(`${c.label.padEnd(17)} ${String(c.support).padStart(7)}  ${f3(c.precision)}  ${f3(c.recall)}  ${f3(c.f1)}`);
  }
  console.log(`macro-F1 ${f3(score.macroF1)}   accuracy ${f3(score.accuracy)}`);
  console.log(`majority-class baseline: macro-F1 ${f3(baseline.macroF1)}, accuracy ${f3(baseline.accuracy)}`);
  console.log(`macro-F1 ratio model / baseline: ${(score.macroF1 / baseline.macroF1).toFixed(1)}x`);

  const thresholded = predictions.map((p) => (p.confidence >= QUERY_TYPE_CONFIDENCE_THRESHOLD ? p.predicted : 'unknown'));
  const covered = thresholded.filter((p) => p !== 'unknown').length;
  const coveredCorrect = thresholded.filter((p, i) => p === truth[i]).length;
  const withUnknown = scoreClassification(truth, thresholded, labels);
  console.log(
    `threshold ${QUERY_TYPE_CONFIDENCE_THRESHOLD}: coverage ${pct(covered / truth.length)}%, ` +
      `accuracy when decided ${pct(coveredCorrect / Math.max(1, covered))}%, ` +
      `macro-F1 counting unknown as a miss ${f3(withUnknown.macroF1)}`,
  );
  console.log(`expected calibration error (10 bins): ${f3(expectedCalibrationError(predictions))}`);

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

  console.log('confusion matrix (rows: true, columns: predicted):');
  const short = score.predictionLabels.map((l) => l.slice(0, 6).padStart(7));
  console.log(`${''.padEnd(17)}${short.join('')}`);
  score.confusion.forEach((row, t) => {
    console.log(`${labels[t]!.padEnd(17)}${row.map((n) => String(n).padStart(7)).join('')}`);
  });
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
  `query-type classifier bench — node ${process.version}, ${examples.length} public labelled prompts scored; ` +
    `${trainingOnly.length} authored prompts in every training fold, never scored`,
);
if (!process.argv.includes('--latency-only')) {
  const grouped = report('held out by source (NI task / benchmark)', groupedFolds(examples.map((e) => e.group), FOLDS, FOLD_SEED));
  const random = report('random split, stratified by label', stratifiedFolds(truth, FOLDS, FOLD_SEED));
  console.log(`\nmacro-F1: grouped ${f3(grouped)}, random ${f3(random)} (gap ${f3(random - grouped)})`);
}

const modelFile = root('packages/analyzer/src/query-types/shipped-query-type-model.ts');
console.log(`\nshipped model file: ${statSync(modelFile).size} bytes (limit 1,048,576)`);

console.log('\nlatency per prompt (classifyPrompt, shipped model):');
const coldStart = performance.now();
classifyPrompt('warm up: decode the shipped weights');
console.log(`first call (decodes the weights once): ${(performance.now() - coldStart).toFixed(1)} ms`);
const devTexts = rows.map((r) => r.prompt);
const joined = devTexts.join('\n\n');
const longTexts = Array.from({ length: 200 }, (_, i) => joined.slice(i * 4000, (i + 1) * 4000));
const baselineSplit = (text: string): number => text.toLowerCase().split(/\s+/).length;
const dev = latency(`dev prompts (median ${devTexts.map((t) => t.length).sort((a, b) => a - b)[devTexts.length >> 1]} chars)`, devTexts, classifyPrompt, 5);
const devBase = latency('  baseline (toLowerCase + split)', devTexts, baselineSplit, 5);
const long = latency('4,000-char prompts', longTexts, classifyPrompt, 10);
const longBase = latency('  baseline (toLowerCase + split)', longTexts, baselineSplit, 10);
console.log(`ratio to baseline (best-of p50): dev ${(dev[0]! / devBase[0]!).toFixed(1)}x, 4,000-char ${(long[0]! / longBase[0]!).toFixed(1)}x`);
console.log(`p95 budget 1 ms: ${long[1]! <= 1 ? 'met' : 'NOT met'} (4,000-char best-of p95 ${long[1]!.toFixed(3)} ms; compare the all-calls lines and the baseline's to judge machine noise)`);
