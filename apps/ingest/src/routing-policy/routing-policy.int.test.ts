import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZTierlensPolicy } from '@tierlens/analyzer';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig } from '../config.ts';
import { startIngest, type RunningIngest } from '../start-ingest.ts';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
let ingest: RunningIngest;

const policyUrl = () => `${ingest.url}/v1/routing-policy`;
const get = (headers: Record<string, string>) => fetch(policyUrl(), { headers });
const bearer = (t: Tenant) => ({ authorization: `Bearer ${t.apiKey.secret}` });

function rule(projectId: string, over: Record<string, unknown> = {}) {
  return db.routingRule.create({
    data: { projectId, queryType: 'coding', feature: null, fromModel: 'gpt-4o', toModel: 'gpt-4o-mini', mode: 'enforce', ...over },
    select: { id: true },
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }), { apiKeyTtlMs: 100 });
});
afterAll(async () => {
  await ingest?.close();
  await a?.cleanup();
  await b?.cleanup();
});

describe('GET /v1/routing-policy', () => {
  it('serves only the key’s project’s served rules, with mode and canary share, in every API-key header form', async () => {
    const enforced = await rule(a.project.id, { feature: 'search' });
    const canary = await rule(a.project.id, { queryType: 'summarization', mode: 'canary', canaryShare: 0.2, evidence: { rule: { fromProvider: 'openai', fromModelAliases: ['gpt-4o-2024-08-06'] } } });
    await rule(a.project.id, { queryType: 'math', mode: 'off' });
    await rule(a.project.id, { queryType: 'translation', enabled: false });
    await rule(a.project.id, { queryType: 'extraction', pausedAt: new Date(), pauseReason: 'routed calls fail more often' });
    const bRule = await rule(b.project.id, { queryType: 'creative_writing', fromModel: 'claude-opus-4-6', toModel: 'claude-haiku-4-5' });

    const basic = `Basic ${Buffer.from(`pk:${a.apiKey.secret}`).toString('base64')}`;
    const forms: Array<Record<string, string>> = [bearer(a), { 'x-tierlens-api-key': a.apiKey.secret }, { 'x-api-key': a.apiKey.secret }, { authorization: basic }];
    const bodies = [];
    for (const headers of forms) {
      const res = await get(headers);
      expect(res.status).toBe(200);
      bodies.push(ZTierlensPolicy.parse(await res.json()));
    }
    const policy = bodies[0]!;
    for (const other of bodies) expect(other).toEqual(policy);
    expect(policy).toMatchObject({ kind: 'tierlens.routing-policy', version: 1 });
    expect(policy.generatedAt).not.toBeNull();
    expect(policy.rules.map((r) => [r.id, r.mode, r.canaryShare])).toEqual([
      [enforced.id, 'enforce', null],
      [canary.id, 'canary', 0.2],
    ]);
    expect(policy.rules[1]).toMatchObject({ when: { queryType: 'summarization', feature: null, provider: 'openai', models: ['gpt-4o', 'gpt-4o-2024-08-06'] }, use: { model: 'gpt-4o-mini' } });
    expect(JSON.stringify(policy)).not.toContain(bRule.id);

    const bPolicy = ZTierlensPolicy.parse(await (await get(bearer(b))).json());
    expect(bPolicy.rules.map((r) => r.id)).toEqual([bRule.id]);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once a rule changes', async () => {
    const first = await get(bearer(a));
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const same = await get({ ...bearer(a), 'if-none-match': etag! });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect((await get({ ...bearer(a), 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    // B's ETag never matches A's policy.
    expect((await get({ ...bearer(b), 'if-none-match': etag! })).status).toBe(200);

    await db.routingRule.updateMany({ where: { projectId: a.project.id, mode: 'enforce', feature: 'search' }, data: { mode: 'shadow' } });
    const changed = await get({ ...bearer(a), 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(ZTierlensPolicy.parse(await changed.json()).rules.find((r) => r.when.feature === 'search')?.mode).toBe('shadow');
  });

  it('answers 401 without a key or with a revoked one, and 405 to other methods', async () => {
    expect((await get({})).status).toBe(401);
    expect((await get({ authorization: 'Bearer tl_not_a_key' })).status).toBe(401);
    expect((await fetch(policyUrl(), { method: 'POST', headers: bearer(a) })).status).toBe(405);
    const c = await createTestTenant(db);
    try {
      await rule(c.project.id);
      expect((await get(bearer(c))).status).toBe(200);
      await db.apiKey.update({ where: { id: c.apiKey.id }, data: { revokedAt: new Date() } });
      await new Promise((r) => setTimeout(r, 200));
      expect((await get(bearer(c))).status).toBe(401);
    } finally {
      await c.cleanup();
    }
  });
});
