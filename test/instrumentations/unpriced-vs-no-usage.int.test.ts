import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, loadWeeklyReport, reportWeek, weeklyReportText } from '@tierlens/reports';
import { callerFor } from '@/test-support/caller-for';
import { expectUnpricedMissingUsage, storedCalls, useIngestHarness } from './harness.ts';

// "Unpriced" has two causes, and the user must do different things about them: a model with no
// known price (add a price override) and a priced model whose calls reported no usage (make the
// instrumentation report token counts; an override would change nothing). Both calls here come
// from the real Vercel AI SDK against the fake provider: a `streamText` without `includeUsage`
// (the stream carries no usage, so the span has no token counts) for gpt-4o, which has a public
// price, and a `generateText` with usage for a model no price list knows.

const h = useIngestHarness();
let tracerProvider: NodeTracerProvider;
let tracer: Tracer;

beforeAll(async () => {
  tracerProvider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'unpriced-app' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${h.ingest.url}/v1/traces`, headers: { Authorization: `Bearer ${h.apiKey}` } }))],
  });
  tracerProvider.register();
  tracer = tracerProvider.getTracer('ai');
  const provider = (includeUsage: boolean) => createOpenAICompatible({ name: 'openai', baseURL: `${h.provider.url}/v1`, apiKey: 'sk-test', includeUsage });

  const stream = streamText({ model: provider(false).chatModel('gpt-4o'), prompt: 'Hello', experimental_telemetry: { isEnabled: true, tracer } });
  await stream.text;
  await generateText({ model: provider(true).chatModel('acme-in-house-7b'), prompt: 'Hello', experimental_telemetry: { isEnabled: true, tracer } });
  // The streamText root span ends after the text resolves: wait for both calls to be exported.
  for (let i = 0; i < 100 && (await storedCalls(h)).length < 2; i++) {
    await tracerProvider.forceFlush();
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  await tracerProvider?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

/** The models the two calls are reported under (the fake provider answers with a dated model id). */
async function models(): Promise<{ streamed: string; unknown: string }> {
  const calls = await storedCalls(h);
  return { streamed: calls.find((c) => c.requestModel === 'gpt-4o')!.model, unknown: calls.find((c) => c.requestModel === 'acme-in-house-7b')!.model };
}

describe('unpriced calls: "no usage reported" is told from "no price known"', () => {
  it('stores the two calls unpriced, for different reasons', async () => {
    const calls = await storedCalls(h);
    const streamed = calls.find((c) => c.requestModel === 'gpt-4o')!;
    const unknown = calls.find((c) => c.requestModel === 'acme-in-house-7b')!;
    expectUnpricedMissingUsage(streamed);
    expect(unknown).toMatchObject({ usageSource: 'reported', costUsd: null, inputTokens: 1200n });
  });

  it('the overview warns about each with its own remedy', async () => {
    const me = { id: h.tenant.user.id, email: h.tenant.user.email, name: 'Owner' };
    const now = Date.now();
    const overview = await callerFor(h.db, me).overview.get({ projectId: h.tenant.project.id, range: { from: new Date(now - 86_400_000), to: new Date(now + 3_600_000) } });
    const { streamed, unknown } = await models();
    expect(overview.unpricedModels).toEqual([{ model: unknown, provider: 'openai', calls: 1 }]);
    expect(overview.noUsageModels).toEqual([{ model: streamed, provider: 'openai', calls: 1 }]);
  });

  it('the weekly report lists them apart: add a price for one, report usage for the other', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const week = reportWeek(addDays(today, -6), 'UTC');
    const report = await loadWeeklyReport(h.db, { projectId: h.tenant.project.id, week, dashboardUrl: 'http://tierlens.test:3000' });
    const { streamed, unknown } = await models();
    expect(report.unpricedModels).toEqual([{ provider: 'openai', model: unknown, calls: 1 }]);
    expect(report.noUsageModels).toEqual([{ provider: 'openai', model: streamed, calls: 1 }]);
    const text = weeklyReportText(report, 'http://tierlens.test:3000/unsubscribe');
    const noPrice = text.slice(text.indexOf('CALLS WITHOUT A PRICE'), text.indexOf('CALLS WITHOUT REPORTED USAGE'));
    expect(noPrice).toContain(`- ${unknown} (openai): 1 calls`);
    expect(noPrice).not.toContain('gpt-4o');
    expect(text.slice(text.indexOf('CALLS WITHOUT REPORTED USAGE'))).toContain(`- ${streamed} (openai): 1 calls\nThese models have a price, but the calls arrived without token counts`);
  });
});
