import { toClassifierText } from '../prompt-text.ts';
import { decodeQueryTypeModel, encodeQueryTypeModel } from '../query-type-model.ts';
import { queryTypeLogits, softmaxInPlace } from '../score-query-types.ts';
import type { TextQueryType } from '../query-type.ts';
import {
  trainQueryTypeModel,
  vectorizeExamples,
  type TrainingExample,
  type TrainingOptions,
} from './train-query-type-model.ts';

/** Out-of-fold prediction of one example. */
export interface FoldPrediction {
  readonly predicted: TextQueryType;
  readonly confidence: number;
  readonly fold: number;
  /** The fold model's raw scores (before temperature), one per class: for calibration. */
  readonly logits: readonly number[];
}

/**
 * For each fold, trains on the other folds plus `trainingOnly`, quantises the model exactly
 * as it is shipped, and predicts the fold's examples. Nothing of a fold (examples, groups,
 * labels) is seen by the model that predicts it. `trainingOnly` examples (the authored
 * prompts) are in every training set and are never predicted or scored: they must not share
 * a group with any of `examples`, so the figures still measure unseen public sources.
 */
export function crossValidate(
  examples: readonly TrainingExample[],
  folds: readonly number[],
  options: TrainingOptions = {},
  trainingOnly: readonly TrainingExample[] = [],
): FoldPrediction[] {
  if (folds.length !== examples.length) throw new Error('one fold per example expected');
  const evaluatedGroups = new Set(examples.map((e) => e.group));
  for (const e of trainingOnly) {
    if (evaluatedGroups.has(e.group)) throw new Error(`training-only group ${e.group} is also evaluated`);
  }
  const predictions = new Array<FoldPrediction | undefined>(examples.length);
  const vectors = vectorizeExamples(examples, options);
  const extraVectors = vectorizeExamples(trainingOnly, options);
  for (const fold of [...new Set(folds)].sort((a, b) => a - b)) {
    const inTraining = (_: unknown, i: number): boolean => folds[i] !== fold;
    const trained = trainQueryTypeModel(
      [...examples.filter(inTraining), ...trainingOnly],
      options,
      [...vectors.filter(inTraining), ...extraVectors],
    );
    const model = decodeQueryTypeModel(encodeQueryTypeModel(trained, {}));
    examples.forEach((example, i) => {
      if (folds[i] !== fold) return;
      // Scored on the text the shipped classifier reads (long prompts clamped), as it was trained.
      const logits = Array.from(queryTypeLogits(model, toClassifierText(example.text)));
      const probabilities = softmaxInPlace(Float64Array.from(logits), options.temperature ?? 1);
      let best = 0;
      for (let c = 1; c < probabilities.length; c += 1) {
        if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
      }
      predictions[i] = { predicted: model.classes[best] as TextQueryType, confidence: probabilities[best] as number, fold, logits };
    });
  }
  return predictions as FoldPrediction[];
}
