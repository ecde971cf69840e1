import { describe, expect, it } from 'vitest';
import { detectConvention } from './detect-convention.ts';
import { makeSpan } from './test-support/make-span.ts';

describe('detectConvention', () => {
  it.each([
    ['langfuse', { attributes: { 'langfuse.observation.type': 'generation', 'gen_ai.request.model': 'm' } }],
    ['openinference', { attributes: { 'openinference.span.kind': 'LLM', 'llm.model_name': 'm' } }],
    ['vercel-ai', { scopeName: 'ai', attributes: { 'ai.operationId': 'ai.generateText.doGenerate' } }],
    ['vercel-ai', { scopeName: 'gen_ai', attributes: { 'gen_ai.operation.name': 'chat' } }],
    ['vercel-ai', { attributes: { 'ai.model.id': 'gpt-4o', 'gen_ai.system': 'openai.chat' } }],
    ['tierlens', { scopeName: '@tierlens/sdk', attributes: { 'gen_ai.operation.name': 'chat' } }],
    ['openllmetry', { scopeName: '@traceloop/instrumentation-openai', attributes: { 'gen_ai.operation.name': 'chat' } }],
    ['openllmetry', { attributes: { 'gen_ai.system': 'OpenAI', 'llm.request.type': 'chat' } }],
    ['openllmetry', { attributes: { 'gen_ai.system': 'Anthropic', 'gen_ai.prompt.0.content': 'hi' } }],
    ['openllmetry', { attributes: { 'traceloop.span.kind': 'workflow' } }],
    ['otel-genai', { scopeName: '@opentelemetry/instrumentation-openai', attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.system': 'openai' } }],
    ['otel-genai', { scopeName: 'com.anthropic.sdk.typescript', attributes: { 'gen_ai.provider.name': 'anthropic' } }],
    ['otel-genai', { attributes: { 'gen_ai.prompt': '[]' } }],
  ] as const)('%s', (expected, overrides) => {
    expect(detectConvention(makeSpan({ ...overrides, attributes: { ...overrides.attributes } }))).toBe(expected);
  });

  it('returns null for a span without LLM attributes', () => {
    expect(detectConvention(makeSpan({ name: 'GET /health', attributes: { 'http.request.method': 'GET' } }))).toBeNull();
  });
});
