import { describe, expect, it } from 'vitest';
import { anthropicMessagesMapper, anthropicUsage } from './map-anthropic-messages.js';
import { openAIChatMapper, openAIChatUsage } from './map-openai-chat.js';
import { openAIResponsesMapper } from './map-openai-responses.js';

describe('usage mapping', () => {
  it('OpenAI: prompt_tokens already include cached tokens, completion_tokens include reasoning', () => {
    expect(openAIChatUsage({ prompt_tokens: 1200, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 200 }, completion_tokens_details: { reasoning_tokens: 100 } })).toEqual({
      input: 1200,
      output: 300,
      cacheRead: 200,
      reasoning: 100,
    });
  });

  it('Anthropic: input_tokens exclude cache reads and writes, so they are added', () => {
    expect(anthropicUsage({ input_tokens: 800, cache_read_input_tokens: 200, cache_creation_input_tokens: 200, output_tokens: 300 })).toEqual({
      input: 1200,
      output: 300,
      cacheRead: 200,
      cacheWrite: 200,
    });
    expect(anthropicUsage({ input_tokens: 10, output_tokens: 5, cache_read_input_tokens: null })).toEqual({ input: 10, output: 5, cacheRead: undefined, cacheWrite: undefined });
  });

  it('Anthropic streams: message_delta usage is cumulative and overrides message_start', () => {
    const acc = anthropicMessagesMapper.accumulator({ capture: false, hideUsageChunk: false });
    acc.add({ type: 'message_start', message: { id: 'm', model: 'claude', usage: { input_tokens: 800, cache_read_input_tokens: 200, cache_creation_input_tokens: 0, output_tokens: 1 } } });
    acc.add({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'x' } });
    acc.add({ type: 'message_delta', delta: { stop_reason: 'max_tokens' }, usage: { output_tokens: 42 } });
    expect(acc.sawOutput).toBe(true);
    expect(acc.summary()).toMatchObject({ id: 'm', finishReasons: ['max_tokens'], usage: { input: 1000, output: 42, cacheRead: 200, cacheWrite: 0 } });
  });
});

describe('request mapping', () => {
  it('chat: max_completion_tokens wins over max_tokens; tools mark the call', () => {
    const p = { model: 'o3', max_tokens: 10, max_completion_tokens: 20, temperature: 0, tools: [{}] };
    expect(openAIChatMapper.requestAttributes(p)).toEqual({ 'gen_ai.request.max_tokens': 20, 'gen_ai.request.temperature': 0 });
    expect(openAIChatMapper.hasTools(p)).toBe(true);
    expect(openAIChatMapper.hasTools({ tools: [] })).toBe(false);
  });

  it('the prompt to classify is the last user message (not a tool result)', () => {
    expect(openAIChatMapper.promptText({ messages: [{ role: 'user', content: 'first' }, { role: 'assistant', content: 'a' }, { role: 'user', content: [{ type: 'text', text: 'second' }] }] })).toBe('second');
    expect(openAIResponsesMapper.promptText({ input: 'just text' })).toBe('just text');
    expect(
      anthropicMessagesMapper.promptText({
        messages: [
          { role: 'user', content: 'the question' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'n', input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'result' }] },
        ],
      }),
    ).toBe('the question');
  });

  it('responses: status maps onto finish reasons', () => {
    expect(openAIResponsesMapper.summarize({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }, false).finishReasons).toEqual(['length']);
    expect(openAIResponsesMapper.summarize({ status: 'completed', output: [{ type: 'function_call' }] }, false).finishReasons).toEqual(['tool_calls']);
  });
});
