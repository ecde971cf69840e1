import type { Attributes } from '../otlp/decoded-span.ts';

/** Attributes that hold the tool definitions sent with a request, in each convention. */
const TOOL_KEYS = [
  'gen_ai.tool.definitions', // OTel GenAI, OpenLLMetry current, Vercel AI SDK v7
  'ai.prompt.tools', // Vercel AI SDK v4-v6
  'llm.tools', // OpenInference (JSON form)
  'gen_ai.request.functions', // OpenLLMetry (JSON form)
  'llm.request.functions',
];

/** Key prefixes of OpenInference's tool definitions flattened per index (`llm.tools.{i}.tool.json_schema`). */
export const OPENINFERENCE_TOOL_PREFIXES: readonly string[] = ['llm.tools.'];

/** Key prefixes of OpenLLMetry's functions flattened per index (`llm.request.functions.{i}.name`). */
export const OPENLLMETRY_TOOL_PREFIXES: readonly string[] = ['llm.request.functions.', 'gen_ai.request.functions.'];

/**
 * Whether tool definitions were sent with the request (evidence for the `agentic` query type):
 * a non-empty tool attribute of any convention, a key with one of `flattenedPrefixes` (for the
 * conventions that flatten definitions per index; scanning keys costs, so only they pass any),
 * or a request body (already parsed, e.g. from `input.value` or `langfuse.observation.input`)
 * with a non-empty `tools` or `functions` list.
 */
export function detectTools(attrs: Attributes, flattenedPrefixes: readonly string[], ...requestBodies: unknown[]): boolean {
  for (const key of TOOL_KEYS) if (isNonEmpty(attrs[key])) return true;
  if (flattenedPrefixes.length > 0) {
    for (const key in attrs) {
      for (const prefix of flattenedPrefixes) if (key.startsWith(prefix)) return true;
    }
  }
  for (const body of requestBodies) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) continue;
    const b = body as Record<string, unknown>;
    if (isNonEmpty(b['tools']) || isNonEmpty(b['functions'])) return true;
  }
  return false;
}

function isNonEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed !== '' && trimmed !== '[]' && trimmed !== '{}' && trimmed !== 'null';
  }
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return false;
}
