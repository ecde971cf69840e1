import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig } from './config.ts';
import { startIngest, type RunningIngest } from './start-ingest.ts';
import { genaiExportJson, hexId } from './test-support/genai-export-json.ts';

const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let ingest: RunningIngest;
let second: RunningIngest;
const MAX_BODY = 256 * 1024;

function post(server: RunningIngest, body: string | Uint8Array, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.apiKey.secret}`, ...headers },
    body: body as BodyInit,
  });
}

async function projectTotals() {
  const calls = await db.llmCall.aggregate({ where: { projectId: tenant.project.id }, _count: true, _sum: { costUsd: true, inputTokens: true } });
  const rollups = await db.callRollupHourly.aggregate({ where: { projectId: tenant.project.id }, _sum: { calls: true, costUsd: true, inputTokens: true } });
  const daily = await db.callRollupDaily.aggregate({ where: { projectId: tenant.project.id }, _sum: { calls: true, costUsd: true } });
  return {
    dailyCalls: Number(daily._sum.calls ?? 0n),
    dailyCost: String(daily._sum.costUsd ?? 0),
    calls: calls._count,
    rollupCalls: Number(rollups._sum.calls ?? 0n),
    cost: String(calls._sum.costUsd ?? 0),
    rollupCost: String(rollups._sum.costUsd ?? 0),
  };
}

beforeAll(async () => {
  tenant = await createTestTenant(db);
  const config = readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1', INGEST_MAX_BODY_BYTES: String(MAX_BODY) });
  ingest = await startIngest(testDatabaseUrl(), config, { apiKeyTtlMs: 200 });
  second = await startIngest(testDatabaseUrl(), config, { apiKeyTtlMs: 200 });
});
afterAll(async () => {
  await ingest?.close();
  await second?.close();
  await tenant?.cleanup();
});

describe('ingest over HTTP', () => {
  it('answers health and readiness', async () => {
    expect((await fetch(`${ingest.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${ingest.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('stores a batch once even when it is sent twice, to two ingest processes', async () => {
    const before = await projectTotals();
    const body = genaiExportJson([{ model: 'gpt-4o' }, { model: 'gpt-4o-mini', inputTokens: 5000 }, { model: 'claude-sonnet-4-5', provider: 'anthropic' }]);
    const [r1, r2] = await Promise.all([post(ingest, body), post(second, body)]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(await r1.json()).toEqual({});
    const after = await projectTotals();
    expect(after.calls - before.calls).toBe(3);
    expect(after.rollupCalls).toBe(after.calls);
    expect(after.rollupCost).toBe(after.cost);
    expect(after.dailyCalls).toBe(after.calls);
    expect(after.dailyCost).toBe(after.cost);
  });

  it('rejects a malformed span alone and stores the rest of the batch', async () => {
    const before = await projectTotals();
    const body = genaiExportJson([{ model: 'gpt-4o' }, { model: null }, { model: 'gpt-4o', inputTokens: -5 }, { model: 'gpt-4o' }]);
    const res = await post(ingest, body);
    expect(res.status).toBe(200);
    const json = (await res.json()) as { partialSuccess?: { rejectedSpans?: string | number; errorMessage?: string } };
    expect(Number(json.partialSuccess?.rejectedSpans)).toBe(2);
    expect(json.partialSuccess?.errorMessage).toMatch(/model/i);
    expect(json.partialSuccess?.errorMessage).toMatch(/negative/i);
    expect((await projectTotals()).calls - before.calls).toBe(2);
  });

  it('accepts gzip bodies', async () => {
    const before = await projectTotals();
    const res = await post(ingest, gzipSync(genaiExportJson([{ model: 'gpt-4o' }])), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect((await projectTotals()).calls - before.calls).toBe(1);
  });

  it('refuses an undecodable body with 400 and the reason', async () => {
    const res = await post(ingest, '{"resourceSpans": [ {');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/decode|JSON/i);
  });

  it('refuses an oversized body and a gzip bomb with 413', async () => {
    const big = genaiExportJson(Array.from({ length: 2000 }, () => ({ model: 'gpt-4o', extra: { 'gen_ai.prompt': 'x'.repeat(200) } })));
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_BODY);
    expect((await post(ingest, big)).status).toBe(413);
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(MAX_BODY);
    const res = await post(ingest, bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/decompression/);
  });

  it('answers 401 without a key and for a revoked key, within the cache time', async () => {
    const noKey = await fetch(`${ingest.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: genaiExportJson([]) });
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as { message: string }).message).toMatch(/Missing API key/);

    const other = await createTestTenant(db);
    try {
      const send = () => fetch(`${ingest.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${other.apiKey.secret}` }, body: genaiExportJson([{ traceId: hexId(16) }]) });
      expect((await send()).status).toBe(200);
      await db.apiKey.update({ where: { id: other.apiKey.id }, data: { revokedAt: new Date() } });
      await new Promise((r) => setTimeout(r, 300));
      const revoked = await send();
      expect(revoked.status).toBe(401);
      expect(((await revoked.json()) as { message: string }).message).toMatch(/revoked/);
    } finally {
      await other.cleanup();
    }
  });

  it('accepts the Langfuse path with Basic auth (public key : secret key)', async () => {
    const basic = Buffer.from(`pk-lf-anything:${tenant.apiKey.secret}`).toString('base64');
    const res = await fetch(`${ingest.url}/api/public/otel/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${basic}` },
      body: genaiExportJson([{ model: 'gpt-4o' }]),
    });
    expect(res.status).toBe(200);
  });
});
