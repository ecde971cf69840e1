import { z } from 'zod';
import { TEXT_QUERY_TYPES, type TextQueryType } from './query-type.ts';

/** Format tag of a serialised query-type model; bump it when features or layout change. */
export const QUERY_TYPE_MODEL_FORMAT = 'tierlens-query-type-linear-v3';

/**
 * A serialised linear (softmax) model as committed in the package: int8 weights,
 * one scale per class, stored bucket-major (`bucket * classes.length + class`) in base64.
 */
export const ZSerializedQueryTypeModel = z.object({
  format: z.literal(QUERY_TYPE_MODEL_FORMAT),
  dims: z.number().int().positive(),
  featureScales: z.object({ words: z.number(), chars: z.number(), head: z.number(), headCues: z.number(), dense: z.number() }),
  classes: z.array(z.enum(TEXT_QUERY_TYPES)).min(2),
  bias: z.array(z.number()),
  /** Softmax temperature, fitted on held-out-by-source predictions (calibration). */
  temperature: z.number().positive(),
  scales: z.array(z.number().nonnegative()),
  weights: z.string(),
  training: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** A serialised query-type model. */
export type SerializedQueryTypeModel = z.infer<typeof ZSerializedQueryTypeModel>;

/**
 * Weight of each feature group (see `features.ts`): word, char and head (instruction-region)
 * features count `scale / sqrt(group size)` each, head-cue and dense (shape and lexicon)
 * features count `scale` each. A scale of 0 leaves the group out.
 */
export interface FeatureScales {
  readonly words: number;
  readonly chars: number;
  readonly head: number;
  readonly headCues: number;
  readonly dense: number;
}

/** A query-type model ready for scoring. */
export interface QueryTypeModel {
  readonly dims: number;
  readonly featureScales: FeatureScales;
  readonly classes: readonly TextQueryType[];
  /** Bucket-major weights: `weights[bucket * classes.length + class]`. */
  readonly weights: Float32Array;
  readonly bias: Float64Array;
  /** The scores are divided by this before the softmax (temperature scaling); 1 leaves them as trained. */
  readonly temperature: number;
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Turns a serialised model into one ready for scoring; throws if it is malformed. */
export function decodeQueryTypeModel(serialized: SerializedQueryTypeModel): QueryTypeModel {
  const parsed = ZSerializedQueryTypeModel.parse(serialized);
  const classCount = parsed.classes.length;
  if ((parsed.dims & (parsed.dims - 1)) !== 0) throw new Error('model dims must be a power of two');
  if (parsed.bias.length !== classCount || parsed.scales.length !== classCount) {
    throw new Error('model bias and scales must have one entry per class');
  }
  const quantized = new Int8Array(base64ToBytes(parsed.weights).buffer);
  if (quantized.length !== parsed.dims * classCount) throw new Error('model weights have the wrong size');
  const weights = new Float32Array(quantized.length);
  for (let i = 0; i < quantized.length; i += 1) {
    weights[i] = (quantized[i] as number) * (parsed.scales[i % classCount] as number);
  }
  return {
    dims: parsed.dims,
    featureScales: parsed.featureScales,
    classes: parsed.classes,
    weights,
    bias: Float64Array.from(parsed.bias),
    temperature: parsed.temperature,
  };
}

/**
 * Quantises a model to int8 (per-class scale) and serialises it. Decoding the result
 * gives the model that is shipped, so evaluate that one, not the float weights.
 */
export function encodeQueryTypeModel(
  model: QueryTypeModel,
  training: Record<string, string | number>,
): SerializedQueryTypeModel {
  const classCount = model.classes.length;
  const scales = new Array<number>(classCount).fill(0);
  for (let i = 0; i < model.weights.length; i += 1) {
    const c = i % classCount;
    scales[c] = Math.max(scales[c] as number, Math.abs(model.weights[i] as number));
  }
  const roundedScales = scales.map((max) => (max === 0 ? 0 : Number((max / 127).toPrecision(9))));
  const quantized = new Int8Array(model.weights.length);
  for (let i = 0; i < model.weights.length; i += 1) {
    const scale = roundedScales[i % classCount] as number;
    const q = scale === 0 ? 0 : Math.round((model.weights[i] as number) / scale);
    quantized[i] = Math.max(-127, Math.min(127, q));
  }
  return {
    format: QUERY_TYPE_MODEL_FORMAT,
    dims: model.dims,
    featureScales: { ...model.featureScales },
    classes: [...model.classes],
    bias: Array.from(model.bias, (b) => Number(b.toPrecision(9))),
    temperature: Number(model.temperature.toPrecision(6)),
    scales: roundedScales,
    weights: bytesToBase64(new Uint8Array(quantized.buffer)),
    training,
  };
}
