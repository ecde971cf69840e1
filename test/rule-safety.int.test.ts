import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZTierlensPolicy } from '@tierlens/analyzer';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig, startIngest, type RunningIngest } from '@tierlens/ingest';
import { checkRuleSafety, createMailer } from '@tierlens/reports';
import { startSmtpTestServer, type SmtpTestServer } from '@tierlens/reports/testing';
import { init, withTierlens, wrapOpenAI, type Tierlens } from '@tierlens/sdk';
import { callerFor } from '@/test-support/caller-for';
import { startFakeProvider, type FakeProvider } from './support/fake-provider.ts';

// The safety net: a canary whose cheap model fails far more often than the model it replaces is
// paused by the safety check, the ingest stops serving it, the SDK goes back to the original
// model, and the owners get an email saying why. A healthy canary beside it is left alone.

const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let ingest: RunningIngest;
let provider: FakeProvider;
let smtp: SmtpTestServer;
let sdk: Tierlens | undefined;
const outboxDir = mkdtempSync(join(tmpdir(), 'tierlens-safety-'));

beforeAll(async () => {
  tenant = await createTestTenant(db);
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }));
  // The routed model for coding fails every other request; the one for math never does.
  provider = await startFakeProvider({ failureRates: { 'gpt-5-mini': 0.5 } });
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await sdk?.shutdown();
  await ingest?.close();
  await provider?.close();
  await smtp?.close();
  await tenant?.cleanup();
  rmSync(outboxDir, { recursive: true, force: true });
});

const policy = async () =>
  ZTierlensPolicy.parse(await (await fetch(`${ingest.url}/v1/routing-policy`, { headers: { authorization: `Bearer ${tenant.apiKey.secret}` } })).json());

describe('automatic pause', () => {
  it('pauses the canary whose routed calls fail clearly more often, stops serving it, and emails the owners why', async () => {
    const projectId = tenant.project.id;
    const rule = (queryType: string, toModel: string) =>
      db.routingRule.create({ data: { projectId, queryType, feature: null, fromModel: 'o3', toModel, mode: 'canary', canaryShare: 0.5 }, select: { id: true } });
    const failing = await rule('coding', 'gpt-5-mini');
    const healthy = await rule('math', 'o4-mini');

    sdk = init({ apiKey: tenant.apiKey.secret, endpoint: ingest.url, serviceName: 'safety', routing: { mode: 'enforce', refreshSeconds: 3600 } });
    expect(await sdk.refreshRoutingPolicy()).toBe(true);
    const client = wrapOpenAI(new OpenAI({ apiKey: 'sk-test', baseURL: `${provider.url}/v1`, maxRetries: 0 }));
    const ask = (queryType: string) =>
      withTierlens({ queryType }, () => client.chat.completions.create({ model: 'o3', messages: [{ role: 'user', content: 'Solve it.' }] })).then(
        () => 'ok',
        (e: unknown) => (e instanceof OpenAI.InternalServerError ? 'failed' : Promise.reject(e)),
      );
    const results = { coding: [] as string[], math: [] as string[] };
    for (let i = 0; i < 200; i++) results.coding.push(await ask('coding'));
    for (let i = 0; i < 120; i++) results.math.push(await ask('math'));
    await sdk.flush();
    // The app saw the routed model's failures as the client's own errors.
    expect(results.coding.filter((r) => r === 'failed').length).toBeGreaterThan(30);
    expect(results.math.every((r) => r === 'ok')).toBe(true);

    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tierlens <rules@tierlens.test>', outboxDir });
    const paused = await checkRuleSafety({ db, mailer, dashboardUrl: 'http://tierlens.test' }, new Date(), [projectId]);
    expect(paused.map((p) => p.ruleId)).toEqual([failing.id]);
    expect(paused[0]!.emailedTo).toEqual([tenant.user.email]);

    const stored = await db.routingRule.findUniqueOrThrow({ where: { id: failing.id } });
    expect(stored).toMatchObject({ mode: 'off', canaryShare: null });
    expect(stored.pausedAt).not.toBeNull();
    expect(stored.pauseReason).toMatch(/^Paused automatically: error rate \d+\.\d% routed vs 0\.0% control \(\d+ routed vs \d+ control calls/);
    expect((await db.routingRule.findUniqueOrThrow({ where: { id: healthy.id } })).mode).toBe('canary');

    // The ingest no longer serves it; the SDK's next refresh sends every coding call to o3 again.
    expect((await policy()).rules.map((r) => r.id)).toEqual([healthy.id]);
    await sdk.refreshRoutingPolicy();
    provider.requests.length = 0;
    for (let i = 0; i < 20; i++) await ask('coding');
    expect(provider.requests.map((r) => r.body.model)).toEqual(Array(20).fill('o3'));

    const [email] = await smtp.waitFor(1);
    expect(email!.to).toEqual([tenant.user.email]);
    expect(email!.parsed.subject).toBe(`Tierlens paused a routing rule in ${tenant.project.name}`);
    expect(email!.parsed.text).toContain('coding: o3 → gpt-5-mini');
    expect(email!.parsed.text).toContain(stored.pauseReason!);
    expect(email!.parsed.text).toContain(`http://tierlens.test/p/${projectId}/rules`);

    // The Rules page shows the reason; checking again pauses and mails nothing more.
    const listed = await callerFor(db, { id: tenant.user.id, email: tenant.user.email, name: 'Owner' }).rules.list({ projectId });
    expect(listed.find((r) => r.id === failing.id)).toMatchObject({ mode: 'off', pauseReason: stored.pauseReason });
    expect(await checkRuleSafety({ db, mailer, dashboardUrl: 'http://tierlens.test' }, new Date(), [projectId])).toEqual([]);
    expect(smtp.received).toHaveLength(1);
  }, 90_000);
});
