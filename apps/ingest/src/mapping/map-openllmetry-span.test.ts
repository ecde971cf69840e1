import { describe, expect, it } from 'vitest';
import type { CanonicalCall, MapResult } from './canonical-call.ts';
import { mapOpenLlmetrySpan } from './map-openllmetry-span.ts';
import { makeSpan } from './test-support/make-span.ts';

function call(result: MapResult): CanonicalCall {
  if (result.kind !== 'call') throw new Error(`expected a call, got ${result.kind}: ${result.reason}`);
  return result.call;
}

describe('mapOpenLlmetrySpan', () => {
  it('maps a current OpenAI span (observed: 1200 in incl. 200 cached, 300 out incl. 100 reasoning)', () => {
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({
          name: 'chat gpt-4o',
          scopeName: '@traceloop/instrumentation-openai',
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'openai',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.response.model': 'gpt-4o-2024-08-06',
            'gen_ai.usage.input_tokens': 1200,
            'gen_ai.usage.output_tokens': 300,
            'gen_ai.usage.total_tokens': 1500,
            'gen_ai.usage.cache_read.input_tokens': 200,
            'gen_ai.usage.reasoning.output_tokens': 100,
            'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"hello"}]}]',
          },
        }),
      ),
    );
    expect(c).toMatchObject({
      convention: 'openllmetry',
      provider: 'openai',
      inputTokens: 1200,
      cacheReadTokens: 200,
      outputTokens: 300,
      reasoningTokens: 100,
      usageSource: 'reported',
      promptText: 'hello',
    });
  });

  it('maps a legacy OpenAI span with indexed prompts, functions and the old usage names', () => {
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({
          name: 'openai.chat',
          attributes: {
            'gen_ai.system': 'OpenAI',
            'llm.request.type': 'chat',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.response.model': 'gpt-4o-2024-08-06',
            'gen_ai.prompt.0.role': 'system',
            'gen_ai.prompt.0.content': 'You are a translator.',
            'gen_ai.prompt.1.role': 'user',
            'gen_ai.prompt.1.content': 'Translate "bonjour" to English.',
            'gen_ai.completion.0.role': 'assistant',
            'gen_ai.completion.0.content': 'Hello.',
            'gen_ai.completion.0.finish_reason': 'stop',
            'llm.request.functions.0.name': 'lookup',
            'gen_ai.usage.prompt_tokens': 1200,
            'gen_ai.usage.completion_tokens': 300,
            'llm.usage.total_tokens': 1500,
            'gen_ai.usage.cache_read_input_tokens': 200,
            'gen_ai.usage.reasoning_tokens': 100,
          },
        }),
      ),
    );
    expect(c).toMatchObject({
      provider: 'openai',
      operation: 'chat',
      inputTokens: 1200,
      cacheReadTokens: 200,
      outputTokens: 300,
      reasoningTokens: 100,
      promptText: 'You are a translator.\n\nTranslate "bonjour" to English.',
      completionText: 'Hello.',
      finishReasons: ['stop'],
      hasTools: true,
    });
  });

  it('adds cache to the input of legacy Anthropic spans (observed: input 1000 + 200 cache read)', () => {
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({
          name: 'anthropic.chat',
          attributes: {
            'gen_ai.system': 'Anthropic',
            'llm.request.type': 'chat',
            'gen_ai.request.model': 'claude-sonnet-4-5',
            'gen_ai.usage.input_tokens': 1000,
            'gen_ai.usage.cache_read_input_tokens': 200,
            'gen_ai.usage.cache_creation_input_tokens': 0,
            'gen_ai.usage.output_tokens': 300,
          },
        }),
      ),
    );
    expect(c).toMatchObject({ provider: 'anthropic', inputTokens: 1200, cacheReadTokens: 200, outputTokens: 300 });
  });

  it('keeps the input of current Anthropic spans, which includes the cache', () => {
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'anthropic',
            'gen_ai.request.model': 'claude-sonnet-4-5',
            'gen_ai.usage.input_tokens': 1200,
            'gen_ai.usage.cache_read.input_tokens': 200,
            'gen_ai.usage.cache_creation.input_tokens': 0,
            'gen_ai.usage.output_tokens': 300,
          },
        }),
      ),
    );
    expect(c.inputTokens).toBe(1200);
  });

  it('keeps JSON answers as text and reads multimodal prompt parts', () => {
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({
          attributes: {
            'gen_ai.system': 'OpenAI',
            'llm.request.type': 'chat',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.usage.prompt_tokens': 5,
            'gen_ai.prompt.0.role': 'user',
            'gen_ai.prompt.0.content': '[{"type":"text","text":"Describe"},{"type":"image_url","image_url":{"url":"x"}}]',
            'gen_ai.completion.0.role': 'assistant',
            'gen_ai.completion.0.content': '{"label":"cat"}',
          },
        }),
      ),
    );
    expect(c.promptText).toBe('Describe');
    expect(c.completionText).toBe('{"label":"cat"}');
  });

  it('finds flattened functions on current-convention spans', () => {
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'openai',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.usage.input_tokens': 5,
            'llm.request.functions.0.name': 'search',
          },
        }),
      ),
    );
    expect(c.hasTools).toBe(true);
  });

  it('marks streamed OpenAI chat usage as estimated', () => {
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({
          attributes: {
            'gen_ai.system': 'OpenAI',
            'llm.request.type': 'chat',
            'llm.is_streaming': true,
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.usage.prompt_tokens': 1187,
            'gen_ai.usage.completion_tokens': 298,
          },
        }),
      ),
    );
    expect(c.usageSource).toBe('estimated');
  });

  it('records streamed Responses calls without usage as missing', () => {
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({
          attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4.1', 'llm.is_streaming': true },
        }),
      ),
    );
    expect(c.usageSource).toBe('missing');
  });

  it('skips Traceloop workflow and task spans and maps embeddings', () => {
    expect(mapOpenLlmetrySpan(makeSpan({ attributes: { 'traceloop.span.kind': 'workflow', 'traceloop.entity.name': 'answer' } })).kind).toBe('skip');
    const c = call(
      mapOpenLlmetrySpan(
        makeSpan({ attributes: { 'gen_ai.system': 'OpenAI', 'llm.request.type': 'embedding', 'gen_ai.request.model': 'text-embedding-3-small', 'gen_ai.usage.prompt_tokens': 8 } }),
      ),
    );
    expect(c).toMatchObject({ operation: 'embeddings', inputTokens: 8 });
  });
});
