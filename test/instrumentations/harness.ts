/**
 * Shared set-up of the instrumentation tests: a test tenant, the real ingest on an ephemeral
 * port and a fake provider; helpers to read the stored calls and to check their cost both
 * against a list price written in the test and against the analyzer's `priceCall`.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { priceCall } from '@tierlens/analyzer';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig, startIngest, type RunningIngest } from '@tierlens/ingest';
import { startFakeProvider, type FakeProvider, type FakeProviderOptions } from '../support/fake-provider.ts';

export type Db = ReturnType<typeof testDb>;
export type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
export type StoredCall = Awaited<ReturnType<Db['llmCall']['findMany']>>[number];

export interface Harness {
  db: Db;
  tenant: Tenant;
  ingest: RunningIngest;
  provider: FakeProvider;
  /** The project's API key secret (what an exporter sends as `Authorization: Bearer <key>`). */
  apiKey: string;
  /** The ingest's log lines (errors while storing, ...); printed to stderr as they come. */
  ingestLog: string[];
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start a tenant, the ingest and a fake provider;
 * the returned object is filled in by `beforeAll`.
 */
export function useIngestHarness(providerOptions: FakeProviderOptions = {}): Harness {
  const h = { db: testDb(), ingestLog: [] as string[] } as Harness;
  beforeAll(async () => {
    h.tenant = await createTestTenant(h.db);
    h.apiKey = h.tenant.apiKey.secret;
    h.ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }), {
      log: (line) => {
        h.ingestLog.push(line);
        console.error(line);
      },
    });
    h.provider = await startFakeProvider(providerOptions);
  });
  afterAll(async () => {
    await h.ingest?.close();
    await h.provider?.close();
    await h.tenant?.cleanup();
  });
  return h;
}

/** The project's stored calls, oldest first; with `traceId`, only that trace's. */
export function storedCalls(h: Harness, traceId?: string): Promise<StoredCall[]> {
  return h.db.llmCall.findMany({
    where: { projectId: h.tenant.project.id, ...(traceId ? { traceId } : {}) },
    orderBy: [{ startTime: 'asc' }, { spanId: 'asc' }],
  });
}

/** Deletes the project's stored calls (between tests that count rows). */
export async function clearCalls(h: Harness): Promise<void> {
  await h.db.$executeRaw`DELETE FROM llm_calls WHERE project_id = ${h.tenant.project.id}::uuid`;
}

/** A model's list price in USD per million tokens. Absent cache prices are not needed by the call. */
export interface ListPrice {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
}

/** Canonical token counts: input includes cache reads and writes, output includes reasoning. */
export interface Tokens {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
}

/**
 * The cost of a call at a list price, computed here independently of the analyzer: uncached
 * input at the input price, cache reads and writes at their own prices, all output (reasoning
 * included) at the output price.
 */
export function listPriceCost(price: ListPrice, tokens: Tokens): number {
  const cacheRead = tokens.cacheRead ?? 0;
  const cacheWrite = tokens.cacheWrite ?? 0;
  if (cacheRead > 0 && price.cacheRead === undefined) throw new Error('list price without a cache-read price');
  if (cacheWrite > 0 && price.cacheWrite === undefined) throw new Error('list price without a cache-write price');
  const micro =
    (tokens.input - cacheRead - cacheWrite) * price.input +
    cacheRead * (price.cacheRead ?? 0) +
    cacheWrite * (price.cacheWrite ?? 0) +
    tokens.output * price.output;
  return micro / 1e6;
}

/**
 * Checks a stored call's cost: equal (to 1e-12 USD) to `expectedUsd` computed from the list
 * price, and exactly what `priceCall` gives for the stored provider, model and tokens.
 */
export function expectCost(call: StoredCall, expectedUsd: number): void {
  expect(call.costUsd, 'the call should be priced').not.toBeNull();
  expect(Number(call.costUsd)).toBeCloseTo(expectedUsd, 12);
  const price = priceCall({
    provider: call.provider,
    model: call.model,
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    cacheReadTokens: call.cacheReadTokens,
    cacheWriteTokens: call.cacheWriteTokens,
    reasoningTokens: call.reasoningTokens,
    at: call.startTime,
  });
  if (price.status !== 'priced') throw new Error(`priceCall left the stored call unpriced: ${JSON.stringify(price)}`);
  expect(Number(call.costUsd)).toBe(Number(price.costUsd));
  expect(call.priceVersion).toBe(price.priceVersion);
}

/** A call whose usage was not reported: stored as 'missing', with no cost (never a silent $0). */
export function expectUnpricedMissingUsage(call: StoredCall): void {
  expect(call.usageSource).toBe('missing');
  expect(call.costUsd).toBeNull();
  expect(call.priceVersion).toBeNull();
  expect(call).toMatchObject({ inputTokens: 0n, outputTokens: 0n, cacheReadTokens: 0n, cacheWriteTokens: 0n, reasoningTokens: 0n });
}

/** Polls `check` until it returns true (e.g. until an instrumentation has ended its span). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
