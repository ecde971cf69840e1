import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPassword } from '@tierlens/auth';
import { createOrganization, createProject, insertCalls } from '@tierlens/db';
import { testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { createReplayRunner, deriveCredentialsKey } from '@tierlens/evals';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.ts';
import { capturedCall, scriptedReplayAnswers, TEN_PROMPTS } from '../../../test/support/replay-fixtures.ts';
import { launchBrowser, shot } from './launch-browser.ts';
import { startDashboard, type RunningDashboard } from './start-dashboard.ts';

// An admin adds a provider credential in Settings, starts an evaluation from a Savings finding,
// the runner (in this process, as `npm start` runs it beside the dashboard) replays the prompts on
// the fake provider, and the finding then says it was measured on the project's traffic.

const db = testDb();
const password = 'correct horse battery staple';
const CREDENTIALS_KEY = 'e2e credentials key, long enough';
const SECRET = 'sk-e2e-SHOULD-NEVER-SHOW-42';
let email: string;
let projectId: string;
let orgId: string;
let userId: string;
let fake: FakeProvider;
let dashboard: RunningDashboard;
let browser: Browser;
let pool: pg.Pool;
const logs: string[] = [];

beforeAll(async () => {
  const tag = Math.random().toString(36).slice(2, 8);
  email = `evaluator-${tag}@example.test`;
  userId = (await createUserWithPassword(db, { email, name: 'Eva Evaluator', password })).id;
  orgId = (await createOrganization(db, { name: `Evals ${tag}`, ownerId: userId })).id;
  projectId = (await createProject(db, { organizationId: orgId, name: 'digest' })).id;
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  // Six days of summarization on gpt-4o with captured prompts; public evidence makes it an
  // underbidding finding (gpt-4o → gpt-5).
  await insertCalls(
    pool,
    TEN_PROMPTS.flatMap((p, i) =>
      [0, 1, 2, 3, 4, 5].map((d) => capturedCall(projectId, { model: 'gpt-4o', queryType: 'summarization', feature: p.feature, prompt: p.prompt, at: new Date(Date.now() - (d * 24 + i + 2) * 3_600_000), inputTokens: 3000, outputTokens: 300, costUsd: '0.0105' })),
    ),
  );
  fake = await startFakeProvider({ answer: scriptedReplayAnswers({ current: 'gpt-4o', candidate: 'gpt-5', judge: 'gpt-4o' }) });
  dashboard = await startDashboard(testDatabaseUrl(), { TIERLENS_CREDENTIALS_KEY: CREDENTIALS_KEY });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await fake?.close();
  if (projectId) await db.$executeRaw`DELETE FROM llm_calls WHERE project_id = ${projectId}::uuid`;
  if (orgId) await db.organization.delete({ where: { id: orgId } });
  if (userId) await db.user.delete({ where: { id: userId } });
  await pool?.end();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${dashboard.url}/`);
  await page.waitForURL(/\/sign-in/);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(new RegExp(`/p/${projectId}`));
}

describe('replay evaluation in Chromium', () => {
  it('starts an evaluation from a finding and shows its result on the finding', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const bodies: string[] = [];
    page.on('response', async (res) => {
      if (res.url().includes('/api/trpc/')) bodies.push(await res.text().catch(() => ''));
    });
    await signIn(page);

    await page.goto(`${dashboard.url}/p/${projectId}/settings#providers`);
    const form = page.locator('[data-testid=credential-form]');
    await form.getByLabel('Credential name').fill('fake-openai');
    await form.getByLabel('Base URL').fill(`${fake.url}/v1`);
    await form.getByLabel('API key').fill(SECRET);
    await form.getByRole('button', { name: 'Add credential' }).click();
    await expect.poll(() => page.locator('[data-testid=credentials-table] tbody tr').count(), { timeout: 15_000 }).toBe(1);

    await page.goto(`${dashboard.url}/p/${projectId}/savings`);
    const finding = page.locator('[data-testid=finding]', { hasText: 'gpt-4o' }).filter({ hasText: 'gpt-5' }).first();
    await finding.waitFor({ timeout: 30_000 });
    expect(await finding.locator('[data-testid=finding-quality-source]').textContent()).toBe('public benchmark');
    await finding.locator('[data-testid=evaluate-finding]').click();
    const evaluate = finding.locator('[data-testid=evaluate-form]');
    await evaluate.getByLabel('Sample size').fill('10');
    await evaluate.getByLabel('Spend cap').fill('1');
    await evaluate.getByRole('button', { name: 'Start evaluation' }).click();
    await page.locator('[data-testid=evaluation-row][data-status=queued]').waitFor({ timeout: 15_000 });

    const runner = createReplayRunner({ db, credentialsKey: deriveCredentialsKey(CREDENTIALS_KEY), projectIds: [projectId], log: (l) => logs.push(l) });
    expect(await runner.tick()).toMatchObject({ completed: 1, itemsDone: 10 });

    await page.locator('[data-testid=evaluation-row][data-status=completed]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=evaluation-result]').first().textContent()).toContain('won 5, tied 3, lost 2');
    const measured = page.locator('[data-testid=finding]').filter({ has: page.locator('[data-testid=finding-quality-source]', { hasText: 'measured on your traffic' }) });
    await measured.first().waitFor({ timeout: 20_000 });
    expect(await measured.first().textContent()).toContain('gpt-5');
    expect(await measured.first().locator('[data-testid=finding-sources] summary').textContent()).toContain('Measured on your traffic');
    await shot(page, 'savings-measured-on-your-traffic');

    expect(bodies.length).toBeGreaterThan(3);
    expect(bodies.join('\n') + (await page.content()) + logs.join('\n')).not.toContain(SECRET);
    await page.close();
  });
});
