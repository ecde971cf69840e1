import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig, startIngest, type RunningIngest } from '@tierlens/ingest';
import { flush, init, shutdown, wrapOpenAI } from '@tierlens/sdk';
import { callerFor } from '@/test-support/caller-for';
import { startFakeProvider } from './support/fake-provider.ts';

// The thinnest real path through every part: the real `openai` client (wrapped by the SDK)
// calls a local OpenAI-compatible server; the SDK exports the span over OTLP/HTTP protobuf to
// the real ingest, which checks the key, prices the call and stores it in Postgres; the web
// app's tRPC router returns the project's spend and call count.

const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let ingest: RunningIngest;
let provider: Awaited<ReturnType<typeof startFakeProvider>>;

beforeAll(async () => {
  tenant = await createTestTenant(db);
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }));
  provider = await startFakeProvider();
});
afterAll(async () => {
  await ingest?.close();
  await provider?.close();
  await tenant?.cleanup();
});

describe('walking skeleton', () => {
  it('prices and stores a wrapped OpenAI call and shows it in the dashboard totals', async () => {
    init({ apiKey: tenant.apiKey.secret, endpoint: ingest.url, serviceName: 'skeleton-test' });
    const client = wrapOpenAI(new OpenAI({ apiKey: 'sk-test', baseURL: `${provider.url}/v1` }), { feature: 'checkout-help' });

    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Write a TypeScript function that reverses a string.' }],
    });
    expect(completion.choices[0]?.message.content).toBeTruthy();
    await flush();

    // gpt-4o at its public price ($2.50 / $10 per million input / output tokens; cached input
    // $1.25): the fake provider reports 1,200 input tokens (200 of them cached) and 300 output.
    const usage = completion.usage!;
    expect(usage.prompt_tokens).toBe(1200);
    expect(usage.completion_tokens).toBe(300);
    const expectedCost = (1000 * 2.5 + 200 * 1.25 + 300 * 10) / 1e6;

    const rows = await db.llmCall.findMany({ where: { projectId: tenant.project.id } });
    expect(rows).toHaveLength(1);
    const call = rows[0]!;
    expect(call).toMatchObject({
      provider: 'openai',
      requestModel: 'gpt-4o',
      operation: 'chat',
      status: 'ok',
      inputTokens: 1200n,
      outputTokens: 300n,
      cacheReadTokens: 200n,
      reasoningTokens: 100n,
      usageSource: 'reported',
      convention: 'tierlens',
      feature: 'checkout-help',
    });
    expect(Number(call.costUsd)).toBeCloseTo(expectedCost, 10);
    expect(call.priceVersion).toMatch(/genai-prices/);

    const me = { id: tenant.user.id, email: tenant.user.email, name: 'Owner' };
    const summary = await callerFor(db, me).overview.spendSummary({
      projectId: tenant.project.id,
      from: new Date(Date.now() - 24 * 3600_000),
      to: new Date(Date.now() + 3600_000),
    });
    expect(summary.calls).toBe(1);
    expect(Number(summary.totalCostUsd)).toBeCloseTo(expectedCost, 10);
    await shutdown();
  });

  it('prices a wrapped embeddings call by its input tokens and leaves its query type to the app', async () => {
    init({ apiKey: tenant.apiKey.secret, endpoint: ingest.url, serviceName: 'skeleton-test' });
    const client = wrapOpenAI(new OpenAI({ apiKey: 'sk-test', baseURL: `${provider.url}/v1` }), { feature: 'search-index' });
    await client.embeddings.create({ model: 'text-embedding-3-small', input: ['Write a TypeScript function that reverses a string.'] });
    await flush();
    const call = await db.llmCall.findFirst({ where: { projectId: tenant.project.id, operation: 'embeddings' } });
    // text-embedding-3-small: $0.02 per million input tokens; the fake provider bills 1,200.
    expect(call).toMatchObject({ model: 'text-embedding-3-small', inputTokens: 1200n, outputTokens: 0n, usageSource: 'reported', feature: 'search-index', queryType: 'unknown', queryTypeSource: 'none' });
    expect(Number(call!.costUsd)).toBeCloseTo((1200 * 0.02) / 1e6, 12);
    await shutdown();
  });
});
