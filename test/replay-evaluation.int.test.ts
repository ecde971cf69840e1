import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelReplayEvaluation, insertCalls, listReplayEvaluations } from '@tierlens/db';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { addProviderCredential, createReplayRunner, deriveCredentialsKey, startReplayEvaluation } from '@tierlens/evals';
import { startFakeProvider, type FakeProvider } from './support/fake-provider.ts';
import { capturedCall, scriptedReplayAnswers, TEN_PROMPTS } from './support/replay-fixtures.ts';

// A replay evaluation end to end: captured prompts sampled from Postgres, replayed through the
// real `openai` client on the fake provider, judged in both orders by a scripted fake judge,
// priced by the analyzer, and recorded item by item.
//
// Expected figures from the fake usage (1,200 input tokens of which 200 cached, 300 output) and
// the public prices per million tokens: gpt-4o $2.50 / $1.25 cached / $10 → 0.00575;
// gpt-4o-mini $0.15 / $0.075 / $0.60 → 0.000345; gpt-5 $1.25 / $0.125 / $10 → 0.004275 per
// judge call, two calls per item. One item: 0.00575 + 0.000345 + 2 × 0.004275 = 0.014645.
const ITEM_COST = 0.014645;

const db = testDb();
const SECRET = 'sk-test-REPLAY-0123456789abcdef';
const key = deriveCredentialsKey('a test server secret, long enough');
const models = { current: 'gpt-4o', candidate: 'gpt-4o-mini', judge: 'gpt-5' };
let fake: FakeProvider;
let pool: pg.Pool;
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let credentialId: string;
const logs: string[] = [];
const log = (line: string) => logs.push(line);

beforeAll(async () => {
  fake = await startFakeProvider({ answer: scriptedReplayAnswers(models) });
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  tenant = await createTestTenant(db);
  const at = new Date(Date.now() - 3_600_000);
  const own = TEN_PROMPTS.flatMap((p) => [0, 1].map(() => capturedCall(tenant.project.id, { model: models.current, queryType: 'summarization', feature: p.feature, prompt: p.prompt, at })));
  // Calls of another model and another query type are never sampled.
  const others = [
    capturedCall(tenant.project.id, { model: 'gpt-4o-mini', queryType: 'summarization', feature: 'digest', prompt: 'Summarize [loss] from mini', at }),
    capturedCall(tenant.project.id, { model: models.current, queryType: 'coding', feature: 'digest', prompt: 'Write code [loss]', at }),
  ];
  await insertCalls(pool, [...own, ...others]);
  credentialId = (await addProviderCredential(db, key, { projectId: tenant.project.id, createdById: tenant.user.id, credential: { name: 'fake', kind: 'openai', baseUrl: `${fake.url}/v1`, apiKey: SECRET } })).id;
});
afterAll(async () => {
  await tenant?.cleanup();
  await pool?.end();
  await fake?.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

const start = (spendCapUsd = '1') =>
  startReplayEvaluation(
    db,
    tenant.project,
    { queryType: 'summarization', currentModel: models.current, candidateModel: models.candidate, judgeModel: models.judge, currentCredentialId: credentialId, sampleSize: 10, spendCapUsd },
    { userId: tenant.user.id },
  );
const runner = (extra: { crashAfterItems?: number; leaseMs?: number } = {}) => createReplayRunner({ db, credentialsKey: key, projectIds: [tenant.project.id], log, ...extra });
const evaluation = async (id: string) => (await listReplayEvaluations(db, tenant.project.id)).find((e) => e.id === id)!;

describe('replay evaluation', () => {
  it('samples ten distinct captured prompts, replays and judges them, and knows the exact win rate and cost', async () => {
    const { id, items } = await start();
    expect(items).toBe(10);
    const tick = await runner().tick();
    expect(tick).toMatchObject({ claimed: 1, itemsDone: 10, completed: 1 });
    const ev = await evaluation(id);
    expect(ev.status).toBe('completed');
    expect(ev.result).toEqual({
      currentModel: 'gpt-4o',
      candidateModel: 'gpt-4o-mini',
      wins: 5,
      ties: 3,
      losses: 2,
      // diffs 5 × +1, 3 × 0, 2 × −1: mean 0.3, sd 0.8233, half-width 1.96 × 0.8233 / √10 = 0.5103
      scoreDiff: { low: -21.03, point: 30, high: 81.03 },
      costPerTaskUsd: { current: '0.00575', candidate: '0.000345' },
      method: 'pairwise judge gpt-5, both orders, ties allowed, summarization rubric',
      date: new Date().toISOString().slice(0, 10),
    });
    expect(Number(ev.spentUsd)).toBeCloseTo(10 * ITEM_COST, 10);
    expect(ev.spentUsd).toBe('0.14645');
    // Two replays and two judge calls per item, each with the project's key.
    expect(fake.requests.map((r) => r.body.model).sort()).toEqual([...Array(10).fill('gpt-4o'), ...Array(10).fill('gpt-4o-mini'), ...Array(20).fill('gpt-5')].sort());
    expect(new Set(fake.requests.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${SECRET}`]));
    // The judge saw the candidate first in one order and second in the other.
    const judged = fake.requests.filter((r) => r.body.model === 'gpt-5').map((r) => /<answer_A>\n(\w+):/.exec(r.body.messages[1].content)?.[1]);
    expect(judged.filter((w) => w === 'candidate')).toHaveLength(10);
    expect(judged.filter((w) => w === 'current')).toHaveLength(10);
  });

  it('stops at the spend cap before the item that would cross it', async () => {
    const { id } = await start('0.04');
    const tick = await runner().tick();
    expect(tick).toMatchObject({ claimed: 1, itemsDone: 2, capped: 1 });
    const ev = await evaluation(id);
    expect(ev.status).toBe('capped');
    expect(ev.itemsDone).toBe(2);
    expect(ev.spentUsd).toBe('0.02929');
    expect(fake.requests).toHaveLength(8);
    expect(ev.lastError).toMatch(/spend cap: 0.02929 of 0.04 USD/);
  });

  it('resumes after a restart: another runner takes the claim over when its lease runs out and replays only what is left', async () => {
    const { id } = await start();
    const now = new Date();
    // The first process stops after three items without releasing its claim, as if killed.
    expect(await runner({ crashAfterItems: 3, leaseMs: 60_000 }).tick(now)).toMatchObject({ claimed: 1, itemsDone: 3, completed: 0 });
    expect(await evaluation(id)).toMatchObject({ status: 'running', itemsDone: 3 });
    // While the lease holds, nobody else takes it.
    expect((await runner().tick(new Date(now.getTime() + 30_000))).claimed).toBe(0);
    const after = await runner({ leaseMs: 60_000 }).tick(new Date(now.getTime() + 120_000));
    expect(after).toMatchObject({ claimed: 1, itemsDone: 7, completed: 1 });
    const ev = await evaluation(id);
    expect(ev.result).toMatchObject({ wins: 5, ties: 3, losses: 2, costPerTaskUsd: { current: '0.00575', candidate: '0.000345' } });
    expect(ev.spentUsd).toBe('0.14645');
    expect(fake.requests).toHaveLength(40);
    expect(logs.some((l) => l.includes(`evaluation ${id}: the previous claim's lease ran out; resuming`))).toBe(true);
  });

  it('is cancellable: a cancelled run stops before its next item and is never taken over', async () => {
    const { id } = await start();
    const now = new Date();
    await runner({ crashAfterItems: 2, leaseMs: 60_000 }).tick(now);
    expect(await cancelReplayEvaluation(db, tenant.project.id, id)).toBe(true);
    expect((await runner().tick(new Date(now.getTime() + 120_000))).claimed).toBe(0);
    expect(await evaluation(id)).toMatchObject({ status: 'cancelled', itemsDone: 2 });
    expect(fake.requests).toHaveLength(8);
  });

  it('prices replays with the project’s price overrides first', async () => {
    // $1 input / $2 output per million tokens, no cache price (cached tokens at the input price):
    // 1,200 × 1 + 300 × 2 = 1,800 millionths of a dollar per candidate answer.
    const override = await db.priceOverride.create({
      data: { organizationId: tenant.org.id, projectId: tenant.project.id, model: 'gpt-4o-mini', inputPerMTok: '1', outputPerMTok: '2', effectiveFrom: new Date(Date.now() - 86_400_000) },
    });
    try {
      const { id } = await start();
      expect(await runner().tick()).toMatchObject({ completed: 1 });
      const ev = await evaluation(id);
      expect(ev.result).toMatchObject({ wins: 5, ties: 3, losses: 2, costPerTaskUsd: { current: '0.00575', candidate: '0.0018' } });
      // Per prompt 0.00575 + 0.0018 + 2 × 0.004275 = 0.0161.
      expect(ev.spentUsd).toBe('0.161');
    } finally {
      await db.priceOverride.delete({ where: { id: override.id } });
    }
  });

  it('fails with a clear error when the provider refuses the model, and never logs or stores the key', async () => {
    const { id } = await startReplayEvaluation(
      db,
      tenant.project,
      { queryType: 'summarization', currentModel: models.current, candidateModel: 'fail-401', judgeModel: models.judge, currentCredentialId: credentialId, sampleSize: 2, spendCapUsd: '1' },
      { userId: null },
    );
    expect(await runner().tick()).toMatchObject({ failed: 1 });
    const ev = await evaluation(id);
    expect(ev.status).toBe('failed');
    expect(ev.lastError).toMatch(/401/);
    // The key is in no log line and nowhere in the stored rows, encrypted column aside.
    expect(logs.length).toBeGreaterThan(3);
    expect(logs.join('\n')).not.toContain(SECRET);
    const { rows } = await pool.query(`SELECT row_to_json(e)::text AS json FROM replay_evaluations e WHERE project_id = $1
      UNION ALL SELECT row_to_json(i)::text FROM replay_evaluation_items i JOIN replay_evaluations e ON e.id = i.evaluation_id WHERE e.project_id = $1
      UNION ALL SELECT row_to_json(c)::text FROM provider_credentials c WHERE project_id = $1`, [tenant.project.id]);
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows) expect(r.json).not.toContain(SECRET.slice(3));
  });
});
