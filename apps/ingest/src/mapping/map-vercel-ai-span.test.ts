import { describe, expect, it } from 'vitest';
import type { Attributes } from '../otlp/decoded-span.ts';
import type { CanonicalCall, MapResult } from './canonical-call.ts';
import { mapVercelAiSpan } from './map-vercel-ai-span.ts';
import { makeSpan } from './test-support/make-span.ts';

function call(result: MapResult): CanonicalCall {
  if (result.kind !== 'call') throw new Error(`expected a call, got ${result.kind}: ${result.reason}`);
  return result.call;
}

function doGenerate(attributes: Attributes, name = 'ai.generateText.doGenerate'): MapResult {
  return mapVercelAiSpan(makeSpan({ name, scopeName: 'ai', attributes: { 'ai.operationId': name, 'operation.name': `${name} my-fn`, ...attributes } }));
}

describe('mapVercelAiSpan (v4–v6)', () => {
  it('skips the ai.generateText / ai.streamText roots that repeat their children', () => {
    for (const name of ['ai.generateText', 'ai.streamText', 'ai.embedMany']) {
      expect(doGenerate({ 'ai.model.id': 'gpt-4o', 'ai.usage.promptTokens': 1200 }, name)).toMatchObject({ kind: 'skip' });
    }
    expect(doGenerate({ 'ai.toolCall.name': 'search' }, 'ai.toolCall').kind).toBe('skip');
  });

  it('v4 OpenAI: promptTokens/completionTokens include cache and reasoning (observed 1200/300)', () => {
    const c = call(
      doGenerate({
        'ai.model.provider': 'openai.chat',
        'ai.model.id': 'gpt-4o',
        'ai.usage.promptTokens': 1200,
        'ai.usage.completionTokens': 300,
        'ai.response.providerMetadata': '{"openai":{"reasoningTokens":100,"cachedPromptTokens":200}}',
        'ai.prompt.messages': '[{"role":"system","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"Define entropy."}]}]',
        'ai.response.text': 'A measure of disorder.',
        'ai.response.finishReason': 'stop',
        'ai.telemetry.metadata.userId': 'user-9',
        'gen_ai.system': 'openai.chat',
        'gen_ai.usage.input_tokens': 1200,
      }),
    );
    expect(c).toMatchObject({
      convention: 'vercel-ai',
      provider: 'openai',
      operation: 'chat',
      inputTokens: 1200,
      cacheReadTokens: 200,
      outputTokens: 300,
      reasoningTokens: 100,
      promptText: 'Be brief.\n\nDefine entropy.',
      completionText: 'A measure of disorder.',
      finishReasons: ['stop'],
      endUserId: 'user-9',
    });
  });

  it('v4 Anthropic: input excludes cache, added back from provider metadata (observed 1000 → 1200)', () => {
    const c = call(
      doGenerate({
        'ai.model.provider': 'anthropic.messages',
        'ai.model.id': 'claude-sonnet-4-5',
        'ai.usage.promptTokens': 1000,
        'ai.usage.completionTokens': 300,
        'ai.response.providerMetadata': '{"anthropic":{"cacheCreationInputTokens":0,"cacheReadInputTokens":200}}',
      }),
    );
    expect(c).toMatchObject({ provider: 'anthropic', inputTokens: 1200, cacheReadTokens: 200, cacheWriteTokens: 0, outputTokens: 300 });
  });

  it('v5 Anthropic streamText: inputTokens excludes cachedInputTokens (observed 1000 + 200)', () => {
    const c = call(
      doGenerate(
        {
          'ai.model.provider': 'anthropic.messages',
          'ai.model.id': 'claude-sonnet-4-5',
          'ai.usage.inputTokens': 1000,
          'ai.usage.outputTokens': 300,
          'ai.usage.cachedInputTokens': 200,
          'ai.response.msToFirstChunk': 412.5,
        },
        'ai.streamText.doStream',
      ),
    );
    expect(c).toMatchObject({ inputTokens: 1200, cacheReadTokens: 200, outputTokens: 300, timeToFirstTokenMs: 412.5 });
  });

  it('v5 OpenAI streamText: inputTokens includes cachedInputTokens, outputTokens includes reasoningTokens', () => {
    const c = call(
      doGenerate(
        {
          'ai.model.provider': 'openai.responses',
          'ai.model.id': 'o4-mini',
          'ai.usage.inputTokens': 1200,
          'ai.usage.outputTokens': 300,
          'ai.usage.cachedInputTokens': 200,
          'ai.usage.reasoningTokens': 100,
        },
        'ai.streamText.doStream',
      ),
    );
    expect(c).toMatchObject({ inputTokens: 1200, cacheReadTokens: 200, outputTokens: 300, reasoningTokens: 100 });
  });

  it('v6 Anthropic: input includes cache (observed 1200); noCacheTokens rebuilds it', () => {
    const v6 = {
      'ai.model.provider': 'anthropic.messages',
      'ai.model.id': 'claude-sonnet-4-5',
      'ai.usage.inputTokens': 1200,
      'ai.usage.outputTokens': 300,
      'ai.usage.cachedInputTokens': 200,
      'ai.usage.inputTokenDetails.noCacheTokens': 950,
      'ai.usage.inputTokenDetails.cacheReadTokens': 200,
      'ai.usage.inputTokenDetails.cacheWriteTokens': 50,
      'ai.usage.outputTokenDetails.textTokens': 300,
      'ai.prompt.tools': ['{"type":"function","name":"get_weather"}'],
    };
    expect(call(doGenerate(v6))).toMatchObject({ inputTokens: 1200, cacheReadTokens: 200, cacheWriteTokens: 50, outputTokens: 300, hasTools: true });
    const { ['ai.usage.inputTokenDetails.noCacheTokens']: _, ...withoutNoCache } = v6;
    expect(call(doGenerate(withoutNoCache)).inputTokens).toBe(1200);
  });

  it('keeps a JSON answer as completion text', () => {
    const c = call(doGenerate({ 'ai.model.provider': 'openai.chat', 'ai.model.id': 'gpt-4o', 'ai.usage.promptTokens': 1, 'ai.response.text': '{"city":"Paris"}' }));
    expect(c.completionText).toBe('{"city":"Paris"}');
  });

  it('maps embedding calls', () => {
    const c = call(doGenerate({ 'ai.model.provider': 'openai.embedding', 'ai.model.id': 'text-embedding-3-small', 'ai.usage.tokens': 42 }, 'ai.embedMany.doEmbed'));
    expect(c).toMatchObject({ operation: 'embeddings', inputTokens: 42, outputTokens: 0 });
  });

  it('reads an OpenRouter cost from provider metadata', () => {
    const c = call(
      doGenerate({
        'ai.model.provider': 'openrouter.chat',
        'ai.model.id': 'anthropic/claude-sonnet-4.5',
        'ai.usage.inputTokens': 10,
        'ai.usage.outputTokens': 2,
        'ai.response.providerMetadata': '{"openrouter":{"usage":{"cost":0.000123}}}',
      }),
    );
    expect(c).toMatchObject({ provider: 'openrouter', reportedCostUsd: '0.000123' });
  });
});

describe('mapVercelAiSpan (v7 @ai-sdk/otel)', () => {
  it('maps chat spans through the GenAI conventions and skips invoke_agent and step spans', () => {
    const chat = call(
      mapVercelAiSpan(
        makeSpan({
          name: 'chat claude-sonnet-4-5',
          scopeName: 'gen_ai',
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'anthropic',
            'gen_ai.request.model': 'claude-sonnet-4-5',
            'gen_ai.usage.input_tokens': 1200,
            'gen_ai.usage.cache_read.input_tokens': 200,
            'gen_ai.usage.output_tokens': 300,
            'gen_ai.client.operation.time_to_first_chunk': 0.5,
          },
        }),
      ),
    );
    expect(chat).toMatchObject({ convention: 'vercel-ai', inputTokens: 1200, cacheReadTokens: 200, timeToFirstTokenMs: 500 });
    const agent = mapVercelAiSpan(
      makeSpan({
        name: 'invoke_agent claude-sonnet-4-5',
        scopeName: 'gen_ai',
        attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.request.model': 'claude-sonnet-4-5', 'gen_ai.usage.input_tokens': 1200 },
      }),
    );
    expect(agent.kind).toBe('skip');
    expect(mapVercelAiSpan(makeSpan({ name: 'step 1', scopeName: 'gen_ai', attributes: { 'gen_ai.operation.name': 'agent_step' } })).kind).toBe('skip');
  });
});
