import { describe, expect, it } from 'vitest';
import type { CanonicalCall, MapResult } from './canonical-call.ts';
import { mapOpenInferenceSpan } from './map-openinference-span.ts';
import { makeSpan } from './test-support/make-span.ts';

function call(result: MapResult): CanonicalCall {
  if (result.kind !== 'call') throw new Error(`expected a call, got ${result.kind}: ${result.reason}`);
  return result.call;
}

describe('mapOpenInferenceSpan', () => {
  it('maps an OpenAI Chat Completions span (observed: 1200 in incl. 200 cache read, 300 out incl. 100 reasoning)', () => {
    const c = call(
      mapOpenInferenceSpan(
        makeSpan({
          name: 'OpenAI Chat Completions',
          kind: 1,
          scopeName: '@arizeai/openinference-instrumentation-openai',
          attributes: {
            'openinference.span.kind': 'LLM',
            'llm.system': 'openai',
            'llm.provider': 'openai',
            'llm.model_name': 'gpt-4o-2024-08-06',
            'llm.invocation_parameters': '{"model":"gpt-4o","temperature":0}',
            'llm.input_messages.0.message.role': 'system',
            'llm.input_messages.0.message.content': 'You extract invoice fields as JSON.',
            'llm.input_messages.1.message.role': 'user',
            'llm.input_messages.1.message.contents.0.message_content.type': 'text',
            'llm.input_messages.1.message.contents.0.message_content.text': 'Invoice #42, total 99 EUR',
            'llm.output_messages.0.message.role': 'assistant',
            'llm.output_messages.0.message.content': '{"number":42}',
            'llm.token_count.prompt': 1200,
            'llm.token_count.completion': 300,
            'llm.token_count.total': 1500,
            'llm.token_count.prompt_details.cache_read': 200,
            'llm.token_count.prompt_details.audio': 0,
            'llm.token_count.completion_details.reasoning': 100,
            'llm.cost.total': 0.0042,
            'input.value': '{"model":"gpt-4o","messages":[]}',
            'input.mime_type': 'application/json',
            'user.id': 'u-77',
          },
        }),
      ),
    );
    expect(c).toMatchObject({
      convention: 'openinference',
      provider: 'openai',
      requestModel: 'gpt-4o',
      responseModel: 'gpt-4o-2024-08-06',
      inputTokens: 1200,
      cacheReadTokens: 200,
      outputTokens: 300,
      reasoningTokens: 100,
      reportedCostUsd: '0.0042',
      promptText: 'You extract invoice fields as JSON.\n\nInvoice #42, total 99 EUR',
      completionText: '{"number":42}',
      endUserId: 'u-77',
      hasTools: false,
    });
  });

  it('adds cache to the prompt count of Anthropic spans (excluded there)', () => {
    const c = call(
      mapOpenInferenceSpan(
        makeSpan({
          attributes: {
            'openinference.span.kind': 'LLM',
            'llm.system': 'anthropic',
            'llm.provider': 'anthropic',
            'llm.model_name': 'claude-sonnet-4-5-20250929',
            'llm.token_count.prompt': 1000,
            'llm.token_count.prompt_details.cache_read': 200,
            'llm.token_count.prompt_details.cache_write': 50,
            'llm.token_count.completion': 300,
          },
        }),
      ),
    );
    expect(c).toMatchObject({ provider: 'anthropic', inputTokens: 1250, cacheReadTokens: 200, cacheWriteTokens: 50, outputTokens: 300 });
  });

  it('records streamed calls without counts as missing usage, and reads tools from the request body', () => {
    const c = call(
      mapOpenInferenceSpan(
        makeSpan({
          attributes: {
            'openinference.span.kind': 'LLM',
            'llm.system': 'openai',
            'llm.model_name': 'gpt-4o',
            'input.value': JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'weather?' }], tools: [{ type: 'function' }] }),
          },
        }),
      ),
    );
    expect(c).toMatchObject({ usageSource: 'missing', hasTools: true, promptText: 'weather?' });
  });

  it('keeps a text/plain output.value as text even when it looks like JSON', () => {
    const c = call(
      mapOpenInferenceSpan(
        makeSpan({
          attributes: {
            'openinference.span.kind': 'LLM',
            'llm.model_name': 'gpt-4o',
            'input.value': 'What is 2+2?',
            'input.mime_type': 'text/plain',
            'output.value': '{"answer":4}',
            'output.mime_type': 'text/plain',
          },
        }),
      ),
    );
    expect(c).toMatchObject({ promptText: 'What is 2+2?', completionText: '{"answer":4}' });
  });

  it('uses the host for cloud providers and llm.tools for tool evidence', () => {
    const c = call(
      mapOpenInferenceSpan(
        makeSpan({
          attributes: {
            'openinference.span.kind': 'LLM',
            'llm.system': 'openai',
            'llm.provider': 'azure',
            'llm.model_name': 'gpt-4o',
            'llm.tools.0.tool.json_schema': '{"type":"function","function":{"name":"f"}}',
            'llm.token_count.prompt': 5,
            'llm.token_count.completion': 1,
          },
        }),
      ),
    );
    expect(c).toMatchObject({ provider: 'azure.ai.openai', hasTools: true });
  });

  it('skips chains, agents, tools and retrievers; maps embeddings', () => {
    for (const kind of ['CHAIN', 'AGENT', 'TOOL', 'RETRIEVER']) {
      expect(mapOpenInferenceSpan(makeSpan({ attributes: { 'openinference.span.kind': kind, 'llm.token_count.prompt': 9 } })).kind).toBe('skip');
    }
    const c = call(
      mapOpenInferenceSpan(
        makeSpan({ attributes: { 'openinference.span.kind': 'EMBEDDING', 'embedding.model_name': 'text-embedding-3-small', 'llm.token_count.prompt': 12 } }),
      ),
    );
    expect(c).toMatchObject({ operation: 'embeddings', requestModel: 'text-embedding-3-small', inputTokens: 12 });
  });
});
