import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@tierlens/db';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig, startIngest, type RunningIngest } from '@tierlens/ingest';
import { ZSpendQuery } from '@/features/read-api/lib/read-api-schemas';
import { openApiDocument } from '@/features/read-api/server/openapi-document';
import { RateLimiter } from '@/features/read-api/server/rate-limiter';
import { handleReadApi } from '@/features/read-api/server/read-api-handler';
import { readSpend } from '@/features/read-api/server/read-spend';

const db = testDb();
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;
let readKeyA: string;
let ingest: RunningIngest;
const hour = new Date('2026-12-03T10:00:00Z');
const query = `from=2026-12-03T00:00:00Z&to=2026-12-04T00:00:00Z&bucket=day&groupBy=model,queryType`;

const spend = (secret: string, q = query, limiter?: RateLimiter) =>
  handleReadApi(db, new Request(`http://localhost/api/v1/spend?${q}`, { headers: { authorization: `Bearer ${secret}` } }), ZSpendQuery, (key, input) => readSpend(db, key, input), { limiter });

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
  readKeyA = (await createApiKey(db, { projectId: a.project.id, name: 'bi', scope: 'read' })).secret;
  for (const [t, cost] of [[a, '1.25'], [b, '9.50']] as const) {
    const sums = { projectId: t.project.id, provider: 'openai', model: 'gpt-4o', queryType: 'coding', calls: 5n, inputTokens: 100, outputTokens: 20, costUsd: cost };
    // The ingest keeps both tables; whole days are read from the daily one.
    await db.callRollupHourly.create({ data: { ...sums, hour } });
    await db.callRollupDaily.create({ data: { ...sums, day: new Date('2026-12-03T00:00:00Z') } });
  }
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }));
});
afterAll(async () => {
  await ingest?.close();
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('read API', () => {
  it('answers a read key with its own project’s spend', async () => {
    const res = await spend(readKeyA);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ projectId: a.project.id, bucket: 'day', groupBy: ['model', 'queryType'] });
    expect(body.rows).toEqual([{ bucketStart: '2026-12-03T00:00:00.000Z', model: 'gpt-4o', queryType: 'coding', calls: 5, unpricedCalls: 0, errorCalls: 0, inputTokens: 100, outputTokens: 20, costUsd: '1.25' }]);
  });

  it('gives a write key its own project only, and refuses a parameter naming another', async () => {
    const body = await (await spend(b.apiKey.secret)).json();
    expect(body.projectId).toBe(b.project.id);
    expect(body.rows.map((r: { costUsd: string }) => r.costUsd)).toEqual(['9.5']);
    const other = await spend(b.apiKey.secret, `${query}&projectId=${a.project.id}`);
    expect(other.status).toBe(400);
    expect((await other.json()).error).toMatch(/projectId/);
  });

  it('refuses a missing or revoked key, and bad parameters with what is wrong', async () => {
    expect((await spend('tl_nope')).status).toBe(401);
    const bad = await spend(readKeyA, 'from=2026-12-03T00:00:00Z&to=2026-12-04T00:00:00Z&bucket=week');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^bucket:/);
  });

  it('limits each key’s rate with a 429 and Retry-After', async () => {
    const limiter = new RateLimiter(60, 2);
    expect((await spend(readKeyA, query, limiter)).status).toBe(200);
    expect((await spend(readKeyA, query, limiter)).status).toBe(200);
    const limited = await spend(readKeyA, query, limiter);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await spend(b.apiKey.secret, query, limiter)).status).toBe(200);
  });

  it('a read key cannot send spans to the ingest; a write key can', async () => {
    const post = (secret: string) =>
      fetch(`${ingest.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ resourceSpans: [] }) });
    const refused = await post(readKeyA);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toMatch(/read-only/);
    expect((await post(a.apiKey.secret)).status).toBe(200);
  });

  it('publishes an OpenAPI document generated from the same schemas', () => {
    const doc = openApiDocument('https://tierlens.example.com');
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/spend', '/api/v1/findings', '/api/v1/rules']);
    const schema = doc.paths['/api/v1/spend'].get.responses['200'].content['application/json'].schema as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['projectId', 'rows']));
  });
});
