import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.js';
import { shutdown } from './init.js';
import { initTesting, type TierlensTesting } from './testing/index.js';
import { wrapAnthropic } from './wrap-anthropic.js';

let provider: FakeProvider;
let t: TierlensTesting;

beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(async () => {
  await shutdown();
  await provider.close();
});
beforeEach(() => {
  t = initTesting();
  provider.requests.length = 0;
});

const raw = () => new Anthropic({ baseURL: provider.url, apiKey: 'sk-ant-test', maxRetries: 0 });
const messages = [{ role: 'user' as const, content: 'What is the weather in Paris?' }];
const tools = [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object' as const, properties: {} } }];

const expectedUsage = {
  // Anthropic's input_tokens (800) excludes cache reads (200) and writes (200); the convention includes them.
  'gen_ai.usage.input_tokens': 1200,
  'gen_ai.usage.output_tokens': 300,
  'gen_ai.usage.cache_read.input_tokens': 200,
  'gen_ai.usage.cache_write.input_tokens': 200,
};

describe('wrapAnthropic: messages', () => {
  it('records a message with usage including cache reads and writes', async () => {
    const client = raw();
    const original = client.messages.create.bind(client.messages);
    let returned: unknown;
    client.messages.create = ((...args: Parameters<typeof original>) => (returned = original(...args))) as typeof original;
    const anthropic = wrapAnthropic(client, { feature: 'support' });
    expect(anthropic).toBeInstanceOf(Anthropic);
    const p = anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages });
    expect(p).toBe(returned);
    const message = await p;
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Hello from the fake provider.' });
    const [span] = await t.getSpans();
    expect(span?.name).toBe('chat claude-sonnet-4-6');
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-6',
      'gen_ai.request.max_tokens': 100,
      'gen_ai.response.model': 'claude-sonnet-4-6-20250101',
      'gen_ai.response.id': 'msg_fake',
      'gen_ai.response.finish_reasons': ['end_turn'],
      'tierlens.feature': 'support',
      ...expectedUsage,
    });
  });

  it('records tool use', async () => {
    const message = await wrapAnthropic(raw()).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages, tools });
    expect(message.stop_reason).toBe('tool_use');
    const [span] = await t.getSpans();
    expect(span?.attributes['tierlens.has_tools']).toBe(true);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['tool_use']);
  });

  it('records a streamed message from its events; the events are passed through unchanged', async () => {
    const plain: unknown[] = [];
    for await (const e of await raw().messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages, stream: true })) plain.push(e);
    const seen: unknown[] = [];
    const stream = await wrapAnthropic(raw()).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages, stream: true });
    for await (const e of stream) seen.push(e);
    expect(seen).toEqual(plain);
    const [span] = await t.getSpans();
    expect(span?.attributes).toMatchObject({ 'gen_ai.request.stream': true, 'gen_ai.response.id': 'msg_fake', 'gen_ai.response.finish_reasons': ['end_turn'], ...expectedUsage });
    expect(span?.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThan(0);
  });

  it('records messages.stream() (the helper goes through the wrapped create)', async () => {
    const stream = wrapAnthropic(raw()).messages.stream({ model: 'claude-sonnet-4-6', max_tokens: 100, messages, tools });
    const final = await stream.finalMessage();
    expect(final.content[0]).toMatchObject({ type: 'tool_use', input: { city: 'Paris' } });
    const [span] = await t.getSpans();
    expect(span?.attributes).toMatchObject({ 'tierlens.has_tools': true, 'gen_ai.response.finish_reasons': ['tool_use'], ...expectedUsage });
  });

  it('.withResponse() gives the real Response', async () => {
    const { data, response } = await wrapAnthropic(raw()).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages }).withResponse();
    expect(response).toBeInstanceOf(Response);
    expect(data.id).toBe('msg_fake');
    expect(await t.getSpans()).toHaveLength(1);
  });

  it.each([
    [429, Anthropic.RateLimitError],
    [500, Anthropic.InternalServerError],
  ])('rethrows a %i error unchanged and records it', async (status, ErrorClass) => {
    const error = await wrapAnthropic(raw())
      .messages.create({ model: `fail-${status}`, max_tokens: 10, messages })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(status);
    const [span] = await t.getSpans();
    expect(span?.status.code).toBe(2);
    expect(span?.attributes['error.type']).toBe(ErrorClass.name);
  });

  it('captures content in the GenAI format, including the system prompt', async () => {
    t = initTesting({ captureContent: true });
    await wrapAnthropic(raw()).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, system: 'Be brief.', messages });
    const [span] = await t.getSpans();
    expect(JSON.parse(span?.attributes['gen_ai.system_instructions'] as string)).toEqual([{ type: 'text', content: 'Be brief.' }]);
    expect(JSON.parse(span?.attributes['gen_ai.input.messages'] as string)).toEqual([{ role: 'user', parts: [{ type: 'text', content: 'What is the weather in Paris?' }] }]);
    expect(JSON.parse(span?.attributes['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Hello from the fake provider.' }], finish_reason: 'end_turn' },
    ]);
  });
});
