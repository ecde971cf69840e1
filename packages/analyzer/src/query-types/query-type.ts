import { z } from 'zod';

/**
 * The query types a call can be sorted into (see docs/design.md, "Query types"),
 * plus `unknown` for calls where no evidence was strong enough.
 */
export const QUERY_TYPES = [
  'coding',
  'math',
  'expert_qa',
  'summarization',
  'extraction',
  'classification',
  'translation',
  'creative_writing',
  'general_chat',
  'agentic',
  'unknown',
] as const;

/** Zod schema for a query type. */
export const ZQueryType = z.enum(QUERY_TYPES);

/** A query type, e.g. `'coding'`, or `'unknown'`. */
export type QueryType = z.infer<typeof ZQueryType>;

/**
 * The query types the prompt classifier can return. `agentic` is decided by
 * tool definitions, never by prompt text, and `unknown` is the absence of a decision.
 */
export const TEXT_QUERY_TYPES = [
  'coding',
  'math',
  'expert_qa',
  'summarization',
  'extraction',
  'classification',
  'translation',
  'creative_writing',
  'general_chat',
] as const satisfies readonly QueryType[];

/** A query type the prompt classifier can return. */
export type TextQueryType = (typeof TEXT_QUERY_TYPES)[number];

/** True when `value` is one of {@link QUERY_TYPES}. */
export function isQueryType(value: unknown): value is QueryType {
  return ZQueryType.safeParse(value).success;
}
