import { extractPromptFeatures } from '../features.ts';
import { TEXT_QUERY_TYPES, type TextQueryType } from '../query-type.ts';
import type { FeatureScales, QueryTypeModel } from '../query-type-model.ts';
import { toClassifierText } from '../prompt-text.ts';
import { seededRandom, shuffled } from './seeded-random.ts';
import { isTrainingOnlySource } from './source-group.ts';

/** One training example: the prompt, its label and its hold-out group (see `sourceGroupOf`). */
export interface TrainingExample {
  readonly text: string;
  readonly label: TextQueryType;
  readonly group: string;
}

/** Settings of {@link trainQueryTypeModel}; the defaults are the shipped model's. */
export interface TrainingOptions {
  /** Hash buckets, a power of two. */
  readonly dims?: number;
  readonly epochs?: number;
  /** L2 penalty per example (weights are averaged over examples of weight 1 on average). */
  readonly l2?: number;
  readonly learningRate?: number;
  readonly seed?: number;
  readonly featureScales?: FeatureScales;
  /** Each example counts 1 / (size of its group) ** groupWeightPower within its class. */
  readonly groupWeightPower?: number;
  /** Extra factor on the weight of each authored (training-only) prompt, before class balancing. */
  readonly authoredWeight?: number;
  /** Softmax temperature of the trained model (fitted separately, see `fitTemperature`). */
  readonly temperature?: number;
}

/**
 * The settings the shipped model was trained with: chosen among a fixed candidate set by
 * inner grouped cross-validation on training folds only (`scripts/tune-classifier.ts`).
 */
export const DEFAULT_TRAINING_OPTIONS = {
  dims: 2 ** 15,
  epochs: 40,
  l2: 1e-3,
  learningRate: 0.5,
  seed: 20261122,
  featureScales: { words: 1, chars: 1, head: 1, headCues: 0.5, dense: 0.5 },
  groupWeightPower: 0.5,
  authoredWeight: 1,
  temperature: 1,
} as const satisfies Required<TrainingOptions>;

const SKIP_GRADIENT_BELOW = 1e-3;

/** A prompt's features, summed per bucket, buckets ascending. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/**
 * Featurises examples for {@link trainQueryTypeModel}, with the same scaling the
 * scorer applies. Compute once and reuse across folds when cross-validating.
 */
export function vectorizeExamples(examples: readonly TrainingExample[], options: TrainingOptions = {}): SparseVector[] {
  const { dims, featureScales } = { ...DEFAULT_TRAINING_OPTIONS, ...options };
  const sums = new Float64Array(dims);
  return examples.map((e) => vectorize(e.text, dims, featureScales, sums));
}

function vectorize(text: string, dims: number, scales: FeatureScales, sums: Float64Array): SparseVector {
  const features = extractPromptFeatures(toClassifierText(text), dims);
  const touched: number[] = [];
  const add = (buckets: Int32Array, value: number): void => {
    for (const bucket of buckets) {
      if (sums[bucket] === 0) touched.push(bucket);
      sums[bucket] = (sums[bucket] as number) + value;
    }
  };
  if (features.words.length > 0 && scales.words !== 0) add(features.words, scales.words / Math.sqrt(features.words.length));
  if (features.chars.length > 0 && scales.chars !== 0) add(features.chars, scales.chars / Math.sqrt(features.chars.length));
  if (features.head.length > 0 && scales.head !== 0) add(features.head, scales.head / Math.sqrt(features.head.length));
  if (scales.headCues !== 0) add(features.headCues, scales.headCues);
  if (scales.dense !== 0) add(features.dense, scales.dense);
  const indices = Int32Array.from(touched).sort();
  const values = new Float64Array(indices.length);
  indices.forEach((bucket, j) => {
    values[j] = sums[bucket] as number;
    sums[bucket] = 0;
  });
  return { indices, values };
}

/**
 * Example weights: every class gets the same total weight (macro-F1 is the goal), and
 * within a class each example counts 1/sqrt(size of its group) by default, so one large benchmark
 * (MBPP, GSM8K, MMLU) cannot teach its own phrasing as the meaning of the class. The authored
 * prompts are groups too (one per file and language), times `authoredWeight`. Weights average to 1.
 */
function exampleWeights(examples: readonly TrainingExample[], groupWeightPower: number, authoredWeight: number): number[] {
  const groupSize = new Map<string, number>();
  for (const e of examples) groupSize.set(e.group, (groupSize.get(e.group) ?? 0) + 1);
  const raw = examples.map(
    (e) => (groupSize.get(e.group) as number) ** -groupWeightPower * (isTrainingOnlySource(e.group) ? authoredWeight : 1),
  );
  const classTotal = new Map<string, number>();
  examples.forEach((e, i) => classTotal.set(e.label, (classTotal.get(e.label) ?? 0) + (raw[i] as number)));
  const perClass = examples.length / classTotal.size;
  return examples.map((e, i) => ((raw[i] as number) / (classTotal.get(e.label) as number)) * perClass);
}

/** `scores[c] += v[bucket * 9 + c] * value * scale` over the vector, in locals (the nine-type case). */
function forwardNine(scores: Float64Array, v: Float64Array, indices: Int32Array, values: Float64Array, scale: number): void {
  let s0 = scores[0] as number, s1 = scores[1] as number, s2 = scores[2] as number;
  let s3 = scores[3] as number, s4 = scores[4] as number, s5 = scores[5] as number;
  let s6 = scores[6] as number, s7 = scores[7] as number, s8 = scores[8] as number;
  for (let j = 0; j < indices.length; j += 1) {
    const b = (indices[j] as number) * 9;
    const x = (values[j] as number) * scale;
    s0 += (v[b] as number) * x;
    s1 += (v[b + 1] as number) * x;
    s2 += (v[b + 2] as number) * x;
    s3 += (v[b + 3] as number) * x;
    s4 += (v[b + 4] as number) * x;
    s5 += (v[b + 5] as number) * x;
    s6 += (v[b + 6] as number) * x;
    s7 += (v[b + 7] as number) * x;
    s8 += (v[b + 8] as number) * x;
  }
  scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
  scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
}

/** `v[bucket * 9 + c] -= gradient[c] * value * step` over the vector (the nine-type case). */
function updateNine(gradient: Float64Array, v: Float64Array, indices: Int32Array, values: Float64Array, step: number): void {
  const g0 = gradient[0] as number, g1 = gradient[1] as number, g2 = gradient[2] as number;
  const g3 = gradient[3] as number, g4 = gradient[4] as number, g5 = gradient[5] as number;
  const g6 = gradient[6] as number, g7 = gradient[7] as number, g8 = gradient[8] as number;
  for (let j = 0; j < indices.length; j += 1) {
    const b = (indices[j] as number) * 9;
    const x = (values[j] as number) * step;
    v[b] = (v[b] as number) - g0 * x;
    v[b + 1] = (v[b + 1] as number) - g1 * x;
    v[b + 2] = (v[b + 2] as number) - g2 * x;
    v[b + 3] = (v[b + 3] as number) - g3 * x;
    v[b + 4] = (v[b + 4] as number) - g4 * x;
    v[b + 5] = (v[b + 5] as number) - g5 * x;
    v[b + 6] = (v[b + 6] as number) - g6 * x;
    v[b + 7] = (v[b + 7] as number) - g7 * x;
    v[b + 8] = (v[b + 8] as number) - g8 * x;
  }
}

/**
 * Trains a multinomial logistic-regression model over hashed features with plain SGD
 * (L2 via a weight scale, learning rate eta0 / (1 + eta0 * l2 * t)). Deterministic:
 * the example order comes from a seeded shuffle of the input order. Pass `vectors`
 * from {@link vectorizeExamples} with the same options to skip featurising again.
 */
export function trainQueryTypeModel(
  examples: readonly TrainingExample[],
  options: TrainingOptions = {},
  vectors: readonly SparseVector[] = vectorizeExamples(examples, options),
): QueryTypeModel {
  const { dims, epochs, l2, learningRate, seed, featureScales, groupWeightPower, authoredWeight, temperature } = {
    ...DEFAULT_TRAINING_OPTIONS,
    ...options,
  };
  const classes = TEXT_QUERY_TYPES;
  const classCount = classes.length;
  if (vectors.length !== examples.length) throw new Error('one vector per example expected');
  const targets = examples.map((e) => classes.indexOf(e.label));
  const weightsOfExamples = exampleWeights(examples, groupWeightPower, authoredWeight);

  const v = new Float64Array(dims * classCount);
  const bias = new Float64Array(classCount);
  const scores = new Float64Array(classCount);
  let scale = 1;
  let t = 0;
  const random = seededRandom(seed);
  const order = examples.map((_, i) => i);

  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const i of shuffled(order, random)) {
      const { indices, values } = vectors[i] as SparseVector;
      const eta = learningRate / (1 + learningRate * l2 * t);
      t += 1;
      scores.set(bias);
      if (classCount === 9) forwardNine(scores, v, indices, values, scale);
      else {
        for (let j = 0; j < indices.length; j += 1) {
          const base = (indices[j] as number) * classCount;
          const x = (values[j] as number) * scale;
          for (let c = 0; c < classCount; c += 1) scores[c] = (scores[c] as number) + (v[base + c] as number) * x;
        }
      }
      let max = -Infinity;
      for (let c = 0; c < classCount; c += 1) max = Math.max(max, scores[c] as number);
      let sum = 0;
      for (let c = 0; c < classCount; c += 1) {
        scores[c] = Math.exp((scores[c] as number) - max);
        sum += scores[c] as number;
      }
      const weight = weightsOfExamples[i] as number;
      let largest = 0;
      for (let c = 0; c < classCount; c += 1) {
        scores[c] = (((scores[c] as number) / sum) - (c === targets[i] ? 1 : 0)) * weight;
        largest = Math.max(largest, Math.abs(scores[c] as number));
      }
      scale *= 1 - eta * l2;
      // An example already fitted this well would barely move the weights: skip the update.
      if (largest < SKIP_GRADIENT_BELOW) continue;
      const stepSize = eta / scale;
      if (classCount === 9) updateNine(scores, v, indices, values, stepSize);
      else {
        for (let j = 0; j < indices.length; j += 1) {
          const base = (indices[j] as number) * classCount;
          const x = (values[j] as number) * stepSize;
          for (let c = 0; c < classCount; c += 1) v[base + c] = (v[base + c] as number) - (scores[c] as number) * x;
        }
      }
      for (let c = 0; c < classCount; c += 1) bias[c] = (bias[c] as number) - eta * (scores[c] as number);
      if (scale < 1e-6) {
        for (let k = 0; k < v.length; k += 1) v[k] = (v[k] as number) * scale;
        scale = 1;
      }
    }
  }

  const weights = new Float32Array(v.length);
  for (let k = 0; k < v.length; k += 1) weights[k] = (v[k] as number) * scale;
  return { dims, featureScales, classes, weights, bias, temperature };
}
