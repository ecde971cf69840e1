import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCalls } from '@tierlens/db';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { createReplayRunner, readCredentialsKey } from '@tierlens/evals';
import { callerFor } from '@/test-support/caller-for';
import { startFakeProvider, type FakeProvider } from '../../../../../../test/support/fake-provider';
import { capturedCall, scriptedReplayAnswers, TEN_PROMPTS } from '../../../../../../test/support/replay-fixtures';

// Through the dashboard's API: an admin adds a provider credential (never shown again), a member
// starts an evaluation from a finding's query type and models, the runner (as `npm start` runs it,
// with the key the web app sealed with) completes it, and the finding is then judged on the
// project's own traffic.
const db = testDb();
const SECRET = 'sk-proj-WEB-fedcba9876543210';
const models = { current: 'gpt-4o', candidate: 'gpt-4o-mini', judge: 'gpt-5' };
let fake: FakeProvider;
let pool: pg.Pool;
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });
const logs: string[] = [];
const responses: unknown[] = [];
const seen = <T>(value: T): T => {
  responses.push(value);
  return value;
};
const range = { from: new Date(Date.now() - 7 * 86_400_000), to: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000) };

beforeAll(async () => {
  fake = await startFakeProvider({ answer: scriptedReplayAnswers(models) });
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  tenant = await createTestTenant(db);
  // Six days of summarization on gpt-4o: the ten prompts, six times each.
  const calls = TEN_PROMPTS.flatMap((p, i) =>
    [0, 1, 2, 3, 4, 5].map((d) => capturedCall(tenant.project.id, { model: models.current, queryType: 'summarization', feature: p.feature, prompt: p.prompt, at: new Date(Date.now() - (d * 24 + i + 2) * 3_600_000), inputTokens: 3000, outputTokens: 300, costUsd: '0.0105' })),
  );
  await insertCalls(pool, calls);
});
afterAll(async () => {
  await tenant?.cleanup();
  await pool?.end();
  await fake?.close();
});

describe('evaluations router', () => {
  it('keeps provider keys write-only: admins add and remove, nobody reads them back', { timeout: 30_000 }, async () => {
    const admin = as(tenant.user);
    const member = await tenant.addMember('member');
    const added = seen(await admin.evaluations.addCredential({ projectId: tenant.project.id, credential: { name: 'openai', kind: 'openai', baseUrl: `${fake.url}/v1`, apiKey: SECRET } }));
    expect(Object.keys(added).sort()).toEqual(['baseUrl', 'createdAt', 'id', 'kind', 'name']);
    await expect(as(member).evaluations.addCredential({ projectId: tenant.project.id, credential: { name: 'x', kind: 'anthropic', apiKey: 'k' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(member).evaluations.removeCredential({ projectId: tenant.project.id, credentialId: added.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(seen(await as(member).evaluations.credentials({ projectId: tenant.project.id })).map((c) => c.name)).toEqual(['openai']);
    const spare = seen(await admin.evaluations.addCredential({ projectId: tenant.project.id, credential: { name: 'spare', kind: 'anthropic', apiKey: 'sk-ant-spare-key-123456' } }));
    seen(await admin.evaluations.removeCredential({ projectId: tenant.project.id, credentialId: spare.id }));
    expect(seen(await admin.evaluations.credentials({ projectId: tenant.project.id })).map((c) => c.name)).toEqual(['openai']);
  });

  it('starts an evaluation from a finding, and its result changes the finding to one measured on the project’s traffic', async () => {
    const member = as(await tenant.addMember('member'));
    const before = seen(await member.savings.findings({ projectId: tenant.project.id, range }));
    expect(before.findings.filter((f) => f.quality.source === 'project_eval')).toEqual([]);
    const [credential] = await member.evaluations.credentials({ projectId: tenant.project.id });
    const started = seen(
      await member.evaluations.start({
        projectId: tenant.project.id,
        evaluation: { queryType: 'summarization', currentModel: 'gpt-4o', candidateModel: 'gpt-4o-mini', judgeModel: 'gpt-5', currentCredentialId: credential!.id, sampleSize: 10, spendCapUsd: '2' },
      }),
    );
    expect(started.items).toBe(10);
    const queued = seen(await member.evaluations.list({ projectId: tenant.project.id }));
    expect(queued[0]).toMatchObject({ id: started.id, status: 'queued', items: 10, itemsDone: 0 });

    // The runner in `npm start` reads the same key the web app sealed with.
    const runner = createReplayRunner({ db, credentialsKey: readCredentialsKey(process.env, '/nonexistent/credentials-key'), projectIds: [tenant.project.id], log: (l) => logs.push(l) });
    expect(await runner.tick()).toMatchObject({ completed: 1, itemsDone: 10 });
    const [done] = seen(await member.evaluations.list({ projectId: tenant.project.id }));
    expect(done).toMatchObject({ status: 'completed', itemsDone: 10, spentUsd: '0.14645', result: { wins: 5, ties: 3, losses: 2 } });

    const after = seen(await member.savings.findings({ projectId: tenant.project.id, range }));
    const finding = after.findings.find((f) => f.queryType === 'summarization' && f.current.model === 'gpt-4o');
    expect(finding).toMatchObject({ kind: 'overpaying', recommended: { model: 'gpt-4o-mini' }, quality: { source: 'project_eval' } });
    // Win rate 65% against the current model's 50%.
    expect(finding!.quality.deltaPoints.point).toBe(15);
    expect(JSON.stringify(finding)).toContain('Measured on your traffic');
    await expect(member.evaluations.cancel({ projectId: tenant.project.id, evaluationId: started.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  }, 60_000);

  it('answers a start without captured prompts with a clear error', async () => {
    const [credential] = await as(tenant.user).evaluations.credentials({ projectId: tenant.project.id });
    await expect(
      as(tenant.user).evaluations.start({
        projectId: tenant.project.id,
        evaluation: { queryType: 'translation', currentModel: 'gpt-4o', candidateModel: 'gpt-4o-mini', judgeModel: 'gpt-5', currentCredentialId: credential!.id, spendCapUsd: '1' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/No captured prompts of translation calls on gpt-4o/) });
  });

  it('never puts the key in a response or a log line', () => {
    expect(responses.length).toBeGreaterThan(8);
    expect(logs.length).toBeGreaterThan(0);
    const text = JSON.stringify(responses) + logs.join('\n');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('sk-ant-spare-key-123456');
    expect(text).not.toContain('key_ciphertext');
    expect(text).not.toContain('keyCiphertext');
  });
});
