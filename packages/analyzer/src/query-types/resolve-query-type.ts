import { z } from 'zod';
import { classifyPrompt } from './classify-prompt.ts';
import type { ClassifyPromptOptions } from './create-prompt-classifier.ts';
import { toClassifierText, type PromptInput } from './prompt-text.ts';
import { isQueryType, type QueryType } from './query-type.ts';

/** Which evidence decided a call's query type. */
export const ZQueryTypeSource = z.enum(['hint', 'tools', 'classifier', 'none']);

/** Which evidence decided a call's query type. */
export type QueryTypeSource = z.infer<typeof ZQueryTypeSource>;

/** What is known about a call when deciding its query type. */
export interface QueryTypeEvidence {
  /** The query type the app set through the SDK, if any. */
  readonly hint?: string | null | undefined;
  /** Whether the request carried tool definitions. */
  readonly hasTools?: boolean | undefined;
  /** The system prompt and last user message, or the prompt as one string. */
  readonly prompt?: PromptInput | undefined;
}

/** A call's query type, which evidence decided it, and how sure that evidence is (0–1). */
export interface ResolvedQueryType {
  readonly queryType: QueryType;
  readonly source: QueryTypeSource;
  readonly confidence: number;
}

/**
 * Decides a call's query type from the evidence, strongest first:
 * 1. the app's hint, if it names a query type other than `unknown` (trimmed, case-insensitive): confidence 1;
 * 2. tool definitions present: `agentic`, confidence 1;
 * 3. the prompt classifier over system prompt + last user message: its type and probability,
 *    or `unknown` (source still `classifier`) when the probability is below the threshold;
 * 4. nothing to go on: `unknown`, source `none`, confidence 0.
 */
export function resolveQueryType(
  evidence: QueryTypeEvidence,
  options: ClassifyPromptOptions = {},
): ResolvedQueryType {
  const hint = typeof evidence.hint === 'string' ? evidence.hint.trim().toLowerCase() : undefined;
  if (hint !== undefined && hint !== 'unknown' && isQueryType(hint)) {
    return { queryType: hint, source: 'hint', confidence: 1 };
  }
  if (evidence.hasTools === true) return { queryType: 'agentic', source: 'tools', confidence: 1 };
  const text = toClassifierText(evidence.prompt);
  if (text.trim() === '') return { queryType: 'unknown', source: 'none', confidence: 0 };
  const classified = classifyPrompt(text, options);
  return { queryType: classified.queryType, source: 'classifier', confidence: classified.confidence };
}
