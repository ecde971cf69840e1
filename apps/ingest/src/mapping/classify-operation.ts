import type { Attributes } from '../otlp/decoded-span.ts';

/** GenAI operations that are one model call, priced per token. */
export const LLM_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content', 'embeddings', 'completion', 'embedding', 'responses']);

/** Operations whose span wraps model calls and repeats their usage: never priced. */
export const AGGREGATE_OPERATIONS = new Set(['invoke_agent', 'invoke_workflow', 'create_agent', 'agent_step', 'plan']);

/** Operations that are not a model call (tools, retrieval, memory, rerank). */
export const NON_LLM_OPERATIONS = new Set([
  'execute_tool',
  'retrieval',
  'rerank',
  'fetch_response',
  'create_memory',
  'update_memory',
  'search_memory',
  'delete_memory',
]);

const OPERATION_ALIASES: Record<string, string> = {
  completion: 'text_completion',
  embedding: 'embeddings',
  responses: 'chat',
};

/** Either the canonical operation of an LLM call, or why the span is skipped. */
export type OperationDecision = { operation: string } | { skip: string };

/**
 * Decides from `gen_ai.operation.name` (or `fallback`, e.g. OpenLLMetry's `llm.request.type`)
 * whether a span is one LLM call. Without any operation name, a span is a call only when it
 * carries token usage (so `anthropic.messages.count_tokens`-like spans with just a model are
 * skipped); unknown operation names are calls only with token usage too.
 */
export function classifyOperation(attrs: Attributes, hasUsage: boolean, fallback?: string | null): OperationDecision {
  const raw = attrs['gen_ai.operation.name'];
  const name = (typeof raw === 'string' && raw !== '' ? raw : fallback ?? '').toLowerCase();
  if (name === '') return hasUsage ? { operation: 'chat' } : { skip: 'not an LLM span (no operation name, no token usage)' };
  if (AGGREGATE_OPERATIONS.has(name)) return { skip: `aggregate span (${name}) repeats its children's usage` };
  if (NON_LLM_OPERATIONS.has(name)) return { skip: `not an LLM call (${name})` };
  if (LLM_OPERATIONS.has(name)) return { operation: OPERATION_ALIASES[name] ?? name };
  return hasUsage ? { operation: name } : { skip: `not an LLM call (${name}, no token usage)` };
}
