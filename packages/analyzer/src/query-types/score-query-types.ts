import { extractPromptFeatures } from './features.ts';
import type { QueryTypeModel } from './query-type-model.ts';

function addBuckets(
  scores: Float64Array,
  buckets: Int32Array,
  weights: Float32Array,
  classCount: number,
  value: number,
): void {
  if (classCount === 9) {
    addBucketsNine(scores, buckets, weights, value);
    return;
  }
  for (let i = 0; i < buckets.length; i += 1) {
    const base = (buckets[i] as number) * classCount;
    for (let c = 0; c < classCount; c += 1) {
      scores[c] = (scores[c] as number) + (weights[base + c] as number) * value;
    }
  }
}

/** The shipped case (nine text types), unrolled into locals: about twice as fast. */
function addBucketsNine(scores: Float64Array, buckets: Int32Array, weights: Float32Array, value: number): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  for (let i = 0; i < buckets.length; i += 1) {
    const b = (buckets[i] as number) * 9;
    s0 += weights[b] as number;
    s1 += weights[b + 1] as number;
    s2 += weights[b + 2] as number;
    s3 += weights[b + 3] as number;
    s4 += weights[b + 4] as number;
    s5 += weights[b + 5] as number;
    s6 += weights[b + 6] as number;
    s7 += weights[b + 7] as number;
    s8 += weights[b + 8] as number;
  }
  const sums = [s0, s1, s2, s3, s4, s5, s6, s7, s8];
  for (let c = 0; c < 9; c += 1) scores[c] = (scores[c] as number) + (sums[c] as number) * value;
}

/**
 * Raw scores (logits, before temperature) of each of `model.classes` for `text` (already
 * prepared with `toClassifierText`). Pure and deterministic; cost is linear in the text length.
 */
export function queryTypeLogits(model: QueryTypeModel, text: string): Float64Array {
  const classCount = model.classes.length;
  const features = extractPromptFeatures(text, model.dims);
  const scores = Float64Array.from(model.bias);
  const { words, chars, head, headCues, dense } = model.featureScales;
  if (features.words.length > 0 && words !== 0) {
    addBuckets(scores, features.words, model.weights, classCount, words / Math.sqrt(features.words.length));
  }
  if (features.chars.length > 0 && chars !== 0) {
    addBuckets(scores, features.chars, model.weights, classCount, chars / Math.sqrt(features.chars.length));
  }
  if (features.head.length > 0 && head !== 0) {
    addBuckets(scores, features.head, model.weights, classCount, head / Math.sqrt(features.head.length));
  }
  if (headCues !== 0) addBuckets(scores, features.headCues, model.weights, classCount, headCues);
  if (dense !== 0) addBuckets(scores, features.dense, model.weights, classCount, dense);
  return scores;
}

/** Softmax of `logits / temperature`, in place. */
export function softmaxInPlace(scores: Float64Array, temperature: number): Float64Array {
  const classCount = scores.length;
  for (let c = 0; c < classCount; c += 1) scores[c] = (scores[c] as number) / temperature;

  let max = -Infinity;
  for (let c = 0; c < classCount; c += 1) max = Math.max(max, scores[c] as number);
  let sum = 0;
  for (let c = 0; c < classCount; c += 1) {
    const e = Math.exp((scores[c] as number) - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < classCount; c += 1) scores[c] = (scores[c] as number) / sum;
  return scores;
}

/**
 * Calibrated probabilities of each of `model.classes` for `text` (already prepared with
 * `toClassifierText`): the softmax of the logits divided by the model's temperature.
 */
export function scoreQueryTypes(model: QueryTypeModel, text: string): Float64Array {
  return softmaxInPlace(queryTypeLogits(model, text), model.temperature);
}
