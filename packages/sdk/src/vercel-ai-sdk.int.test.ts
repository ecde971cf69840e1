/**
 * The Vercel AI SDK (v6) sends its own spans through the Tierlens tracer, as the README documents:
 * `experimental_telemetry: { isEnabled: true, tracer: tierlens.aiSdkTracer }`. Tierlens stamps them with
 * the `withTierlens` context; the ingest prices the per-call `doGenerate`/`doStream` spans.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.js';
import { shutdown } from './init.js';
import { initTesting } from './testing/index.js';
import { withTierlens } from './tierlens-context.js';

let provider: FakeProvider;

beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(async () => {
  await shutdown();
  await provider.close();
});

const model = () => createOpenAICompatible({ name: 'openai', baseURL: `${provider.url}/v1`, apiKey: 'sk-test', includeUsage: true })('gpt-4o');

describe('Vercel AI SDK telemetry through the Tierlens tracer', () => {
  it('exports the AI SDK spans with usage and the Tierlens context, without prompt content', async () => {
    const t = initTesting({ context: { environment: 'test' } });
    const telemetry = { isEnabled: true, tracer: t.tierlens.aiSdkTracer, recordInputs: false, recordOutputs: false };
    const { text } = await withTierlens({ feature: 'summaries', endUserId: 'u1' }, () =>
      generateText({ model: model(), prompt: 'Summarise this.', experimental_telemetry: telemetry }),
    );
    expect(text).toBe('Hello from the fake provider.');
    const result = withTierlens({ feature: 'chat' }, () => streamText({ model: model(), prompt: 'Hi', experimental_telemetry: telemetry }));
    expect(await result.text).toBe('Hello from the fake provider.');

    const spans = await t.getSpans();
    const call = spans.find((s) => s.name === 'ai.generateText.doGenerate');
    expect(call?.instrumentationScope.name).toBe('ai');
    expect(call?.attributes).toMatchObject({
      'ai.model.id': 'gpt-4o',
      'ai.usage.inputTokens': 1200,
      'ai.usage.outputTokens': 300,
      'tierlens.feature': 'summaries',
      'tierlens.end_user.id': 'u1',
      'tierlens.environment': 'test',
    });
    expect(spans.find((s) => s.name === 'ai.streamText.doStream')?.attributes['tierlens.feature']).toBe('chat');
    const keys = spans.flatMap((s) => Object.keys(s.attributes));
    expect(keys.filter((k) => k.startsWith('ai.prompt') || k === 'ai.response.text')).toEqual([]);
  });
});
