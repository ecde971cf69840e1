import { createPromptClassifier, type PromptClassifier } from './create-prompt-classifier.ts';
import { decodeQueryTypeModel } from './query-type-model.ts';
import { SHIPPED_QUERY_TYPE_MODEL } from './shipped-query-type-model.ts';

/**
 * Classifies a prompt (a string, or `{ system, lastUser }`) into one of the nine text
 * query types with the model shipped in this package, or `unknown` below the confidence
 * threshold. Runs in well under a millisecond for prompts up to 4,000 characters; longer
 * prompts are read as their first 3,000 and last 1,000 characters.
 *
 * @example classifyPrompt('Translate "good morning" into French.') // { queryType: 'translation', confidence: 0.9… }
 */
export const classifyPrompt: PromptClassifier = createPromptClassifier(() =>
  decodeQueryTypeModel(SHIPPED_QUERY_TYPE_MODEL),
);
