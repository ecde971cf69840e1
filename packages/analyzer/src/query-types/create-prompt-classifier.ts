import { toClassifierText, type PromptInput } from './prompt-text.ts';
import type { TextQueryType } from './query-type.ts';
import type { QueryTypeModel } from './query-type-model.ts';
import { scoreQueryTypes } from './score-query-types.ts';

/**
 * Below this probability the classifier answers `unknown` rather than guess. The
 * probabilities are calibrated (temperature fitted on held-out-by-source predictions), so a
 * type given with confidence 0.4 is right about 40% of the time: below that, the advice
 * built on the type would more often be wrong than right by a wide margin, and `unknown` is
 * the honest answer. Chosen from the grouped cross-validation's out-of-fold predictions
 * (about 2.5% of them fall below it), not from the cross-source evaluation set.
 */
export const QUERY_TYPE_CONFIDENCE_THRESHOLD = 0.4;

/** What the classifier decided about a prompt. */
export interface PromptClassification {
  /** The most probable type, or `unknown` when its probability is below the threshold. */
  readonly queryType: TextQueryType | 'unknown';
  /** Probability of the most probable type (softmax over the nine text types), 0 for empty text. */
  readonly confidence: number;
}

/** Options of a prompt classifier. */
export interface ClassifyPromptOptions {
  /** Minimum probability for a decision; defaults to {@link QUERY_TYPE_CONFIDENCE_THRESHOLD}. */
  readonly threshold?: number;
}

/** A function that classifies a prompt with one model. */
export type PromptClassifier = (prompt: PromptInput, options?: ClassifyPromptOptions) => PromptClassification;

/**
 * Builds a classifier around `model` (or a function returning it, called on first use so
 * the weights are decoded lazily). Pure: no I/O, no clock, same input → same output.
 */
export function createPromptClassifier(model: QueryTypeModel | (() => QueryTypeModel)): PromptClassifier {
  let resolved: QueryTypeModel | undefined = typeof model === 'function' ? undefined : model;
  const load = typeof model === 'function' ? model : () => model;
  return (prompt, options = {}) => {
    const threshold = options.threshold ?? QUERY_TYPE_CONFIDENCE_THRESHOLD;
    const text = toClassifierText(prompt);
    if (text.trim() === '') return { queryType: 'unknown', confidence: 0 };
    resolved ??= load();
    const probabilities = scoreQueryTypes(resolved, text);
    let best = 0;
    for (let c = 1; c < probabilities.length; c += 1) {
      if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
    }
    const confidence = probabilities[best] as number;
    const queryType = confidence >= threshold ? (resolved.classes[best] as TextQueryType) : 'unknown';
    return { queryType, confidence };
  };
}
