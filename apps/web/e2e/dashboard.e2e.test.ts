import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPassword } from '@tierlens/auth';
import { createOrganization, createProject } from '@tierlens/db';
import { testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig, startIngest, type RunningIngest } from '@tierlens/ingest';
import { flush, init, shutdown, withTierlens, wrapAnthropic, wrapOpenAI } from '@tierlens/sdk';
import { formatCount, formatUsd } from '@tierlens/format';
import { generateDemoTraffic } from '../../../scripts/demo/generate-demo-traffic.ts';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.ts';
import { launchBrowser, shot } from './launch-browser.ts';
import { signInWithForm } from './sign-in.ts';
import { startDashboard, type RunningDashboard } from './start-dashboard.ts';

// A manager's path through the real dashboard: sign in, see the totals the database holds, look
// at every page at desktop and phone widths, create and revoke an API key.

const db = testDb();
const password = 'correct horse battery staple';
let email: string;
let projectId: string;
let orgId: string;
let userId: string;
let ingest: RunningIngest;
let provider: FakeProvider;
let dashboard: RunningDashboard;
let browser: Browser;
let demoCalls = 0;

beforeAll(async () => {
  const tag = Math.random().toString(36).slice(2, 8);
  email = `manager-${tag}@example.test`;
  const user = await createUserWithPassword(db, { email, name: 'Mia Manager', password });
  userId = user.id;
  const org = await createOrganization(db, { name: `Acme ${tag}`, ownerId: user.id });
  orgId = org.id;
  const project = await createProject(db, { organizationId: org.id, name: 'checkout-assistant' });
  projectId = project.id;
  const { createApiKey } = await import('@tierlens/db');
  const key = await createApiKey(db, { projectId, name: 'seed' });

  // Calls through the real SDK, the real clients, a fake provider and the real ingest.
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }));
  provider = await startFakeProvider();
  init({ apiKey: key.secret, endpoint: ingest.url, serviceName: 'e2e-seed' });
  const openai = wrapOpenAI(new OpenAI({ apiKey: 'sk-test', baseURL: `${provider.url}/v1` }));
  const anthropic = wrapAnthropic(new Anthropic({ apiKey: 'sk-ant-test', baseURL: provider.url }));
  const ask = (content: string) => [{ role: 'user' as const, content }];
  for (let i = 0; i < 4; i++) {
    await withTierlens({ feature: 'code-review', queryType: 'coding' }, () => openai.chat.completions.create({ model: 'gpt-4o', messages: ask('Review this diff') }));
  }
  for (let i = 0; i < 3; i++) {
    await withTierlens({ feature: 'support-bot', queryType: 'summarization' }, () => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('Summarize this ticket') }));
  }
  for (let i = 0; i < 2; i++) {
    await withTierlens({ feature: 'research', queryType: 'expert_qa' }, () =>
      anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, messages: ask('Explain the mechanism of this enzyme') }),
    );
  }
  // A fifth of a demo week on top, so the Savings page has findings to turn into rules.
  const tierlens = init({ apiKey: key.secret, endpoint: ingest.url, serviceName: 'e2e-demo' });
  demoCalls = await generateDemoTraffic(tierlens.tracer, () => tierlens.flush(), { end: new Date(), days: 7, scale: 0.2 });
  await flush();
  dashboard = await startDashboard(testDatabaseUrl(), { TIERLENS_INGEST_PUBLIC_URL: ingest.url });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await shutdown();
  await ingest?.close();
  await provider?.close();
  if (projectId) await db.$executeRaw`DELETE FROM llm_calls WHERE project_id = ${projectId}::uuid`;
  if (orgId) await db.organization.delete({ where: { id: orgId } });
  if (userId) await db.user.delete({ where: { id: userId } });
});

let session: Awaited<ReturnType<ReturnType<Page['context']>['cookies']>> | null = null;

/**
 * Signs in through the form once, then reuses that session's cookies in later pages: the
 * sign-in endpoint allows three attempts per 10 s per client, and every page here comes from
 * the same address.
 */
async function signIn(page: Page): Promise<void> {
  if (session) {
    await page.context().addCookies(session);
    await page.goto(`${dashboard.url}/`);
    await page.waitForURL(new RegExp(`/p/${projectId}`));
    return;
  }
  await signInWithForm(page, { url: dashboard.url, email, password, projectId });
  session = await page.context().cookies();
}

describe('dashboard in Chromium', () => {
  it('signs in and shows the totals the database holds', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    const calls = await db.llmCall.aggregate({ where: { projectId }, _count: true, _sum: { costUsd: true } });
    expect(calls._count).toBe(9 + demoCalls);
    await expect.poll(() => page.textContent('[data-testid=total-calls] .value'), { timeout: 15_000 }).toBe(formatCount(calls._count));
    expect(await page.textContent('[data-testid=total-spend] .value')).toBe(formatUsd(String(calls._sum.costUsd)));
    await page.waitForSelector('.recharts-surface');
    await shot(page, 'overview-1280');
    await page.close();
  });

  it('renders every page without breaking at 1280 px and 390 px', async () => {
    for (const [width, height] of [[1280, 900], [390, 844]] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      // The dashboard's Content-Security-Policy must not block anything its own pages do.
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await signIn(page);
      for (const [path, ready] of [
        ['', '[data-testid=total-spend]'],
        ['/query-types', '[data-testid=query-type-matrix] tbody tr'],
        ['/models', '[data-testid=models-table] tbody tr'],
        ['/calls', '[data-testid=calls-table] tbody tr'],
        ['/savings', '[data-testid=finding]'],
        ['/rules', '[data-testid=rules-table]'],
        ['/settings', '[data-testid=api-keys-table]'],
      ] as const) {
        await page.goto(`${dashboard.url}/p/${projectId}${path}`);
        await page.waitForSelector(ready, { timeout: 20_000 });
        // Nothing wider than the viewport except inside scrollable tables.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path || '/'} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(1);
        await page.waitForLoadState('networkidle');
        await shot(page, `${(path || '/overview').slice(1)}-${width}`);
      }
      expect(violations).toEqual([]);
      await page.close();
    }
  });

  it('opens a call from the explorer with its cost breakdown', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${dashboard.url}/p/${projectId}/calls`);
    await page.click('[data-testid=calls-table] tbody tr:first-child a');
    await page.waitForSelector('[data-testid=cost-breakdown]');
    expect(await page.textContent('[data-testid=cost-breakdown]')).toMatch(/Total/);
    await shot(page, 'call-detail-1280');
    await page.close();
  });

  it('turns a finding into a rule and exports it for LiteLLM', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${dashboard.url}/p/${projectId}/savings?range=7d`);
    const overpaying = page.locator('[data-testid=finding][data-kind=overpaying]').first();
    await overpaying.waitFor({ timeout: 30_000 });
    await shot(page, 'savings-1280');
    // Sources are short, and open to the full citation with a link to the document or the data at its commit.
    const sources = overpaying.locator('[data-testid=finding-sources]');
    expect(await sources.locator('summary').textContent()).toMatch(/^Sources: .+, \d{4}-\d{2}/);
    await sources.locator('summary').click();
    expect(await sources.locator('li a').first().getAttribute('href')).toMatch(/^https:\/\//);
    await page.locator('[data-testid=needs-evidence-row]').first().waitFor();
    const title = (await overpaying.locator('.finding-title').textContent())!;
    await overpaying.locator('button:has-text("Create rule")').click();
    await overpaying.locator('text=Rule created').waitFor();
    const rule = await db.routingRule.findFirst({ where: { projectId } });
    expect(rule).not.toBeNull();
    expect(title).toContain(rule!.toModel);
    await page.goto(`${dashboard.url}/p/${projectId}/rules`);
    await page.waitForSelector(`[data-testid=rules-table] tr:has-text("${rule!.toModel}")`);
    await page.click('button:has-text("LiteLLM proxy config")');
    await expect.poll(() => page.textContent('[data-testid=rules-export]'), { timeout: 10_000 }).toContain('model_list');
    expect(await page.textContent('[data-testid=rules-export]')).toContain(rule!.toModel);
    await page.waitForSelector('[data-testid=what-if]');
    await shot(page, 'rules-1280');
    await page.close();
  });

  it('walks the loop: the rule goes to shadow, then to a canary, the SDK routes, and the Rules page shows realized figures', async () => {
    let rule = await db.routingRule.findFirst({ where: { projectId }, orderBy: { createdAt: 'asc' } });
    expect(rule, 'the previous test created a rule from a finding').not.toBeNull();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${dashboard.url}/p/${projectId}/rules`);
    const row = page.locator(`[data-testid=rules-table] tr:has-text("${rule!.toModel}")`).first();
    await row.waitFor();
    expect(await row.locator('[data-testid=rule-mode] .badge').textContent()).toBe('off');
    for (const label of ['shadow', 'canary 10 %', 'canary 50 %']) {
      await row.locator('[data-testid=rule-step-up]').click();
      await expect.poll(() => row.locator('[data-testid=rule-mode] .badge').textContent(), { timeout: 10_000 }).toBe(label);
    }
    rule = await db.routingRule.findUniqueOrThrow({ where: { id: rule!.id } });
    expect(rule).toMatchObject({ mode: 'canary', canaryShare: 0.5 });

    // The app: the real SDK with routing on reads the policy from the ingest and calls the fake provider.
    const stored = (rule.evidence as { rule?: { fromProvider?: string | null; toProvider?: string | null } }).rule ?? {};
    const fromProvider = stored.fromProvider ?? 'openai';
    const openaiLike = () => new OpenAI({ apiKey: 'sk-test', baseURL: `${provider.url}/v1`, maxRetries: 0 });
    const anthropicLike = () => new Anthropic({ apiKey: 'sk-ant-test', baseURL: provider.url, maxRetries: 0 });
    const target = stored.toProvider && stored.toProvider !== fromProvider ? stored.toProvider : null;
    const { createApiKey } = await import('@tierlens/db');
    const key = await createApiKey(db, { projectId, name: 'e2e routing' });
    const tierlens = init({
      apiKey: key.secret,
      endpoint: ingest.url,
      serviceName: 'e2e-routing',
      routing: { mode: 'enforce', refreshSeconds: 3600, ...(target ? { clients: { [target]: fromProvider === 'anthropic' ? anthropicLike() : openaiLike() } } : {}) },
    });
    expect(await tierlens.refreshRoutingPolicy()).toBe(true);
    const context = { queryType: rule.queryType, ...(rule.feature ? { feature: rule.feature } : {}) };
    const openai = wrapOpenAI(openaiLike());
    const anthropic = wrapAnthropic(anthropicLike());
    provider.requests.length = 0;
    for (let i = 0; i < 80; i++) {
      await withTierlens(context, () =>
        fromProvider === 'anthropic'
          ? anthropic.messages.create({ model: rule!.fromModel, max_tokens: 200, messages: [{ role: 'user', content: `Question ${i}` }] })
          : openai.chat.completions.create({ model: rule!.fromModel, messages: [{ role: 'user', content: `Question ${i}` }] }),
      );
    }
    await tierlens.flush();
    const routed = await db.llmCall.count({ where: { projectId, routingRuleId: rule.id, routingOriginalModel: { not: null } } });
    const control = await db.llmCall.count({ where: { projectId, routingRuleId: rule.id, routingControl: true } });
    expect(routed + control).toBe(80);
    expect(routed).toBeGreaterThan(15);
    expect(control).toBeGreaterThan(15);

    await page.reload();
    const outcome = page.locator(`[data-testid=rule-outcome][data-rule-id="${rule.id}"]`);
    await outcome.waitFor();
    expect(await outcome.locator('[data-testid=rule-outcome-calls]').textContent()).toBe(`80 seen · ${routed} routed · ${control} control`);
    await expect.poll(() => outcome.locator('[data-testid=rule-outcome-realized]').textContent()).toMatch(/^\$[\d.,]+ vs control$/);
    await shot(page, 'rules-loop-1280');
    await page.close();
  });

  it('corrects a feature’s query type on the Query types page, sees the matrix change, and undoes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${dashboard.url}/p/${projectId}/query-types`);
    const matrix = page.locator('[data-testid=query-type-matrix]');
    await matrix.locator('tbody tr').first().waitFor({ timeout: 20_000 });
    /** The Calls cell of a query type's row in the matrix, as a number (0 when the row is absent). */
    const callsOf = async (label: string) => {
      const row = matrix.locator('tbody tr').filter({ has: page.locator(`td:first-child:text-is("${label}")`) });
      if ((await row.count()) === 0) return 0;
      return Number(((await row.locator('td').nth(3).textContent()) ?? '').replace(/[^0-9]/g, ''));
    };
    // The seed's "research" calls (the demo traffic has none): all Expert Q&A, by the app's hint.
    const researchCalls = await db.llmCall.count({ where: { projectId, feature: 'research' } });
    expect(researchCalls).toBe(2);
    expect(await db.llmCall.count({ where: { projectId, feature: 'research', queryType: 'expert_qa', queryTypeSource: 'hint' } })).toBe(researchCalls);
    const before = { translation: await callsOf('Translation'), expertQa: await callsOf('Expert Q&A') };
    expect(before.expertQa).toBeGreaterThanOrEqual(researchCalls);

    const form = page.locator('[data-testid=correct-feature]');
    await form.locator('#qt-feature').selectOption('research');
    await form.locator('select[aria-label="Query type to set"]').selectOption('translation');
    await form.locator('button:has-text("Set")').click();
    await form.locator(`text=${researchCalls} stored calls re-typed`).waitFor({ timeout: 30_000 });
    await expect.poll(() => callsOf('Translation'), { timeout: 15_000 }).toBe(before.translation + researchCalls);
    expect(await callsOf('Expert Q&A')).toBe(before.expertQa - researchCalls);
    expect(await db.llmCall.count({ where: { projectId, feature: 'research', queryType: 'translation', queryTypeSource: 'manual' } })).toBe(researchCalls);
    const listed = page.locator('[data-testid=query-type-corrections] tr:has-text("feature research")');
    expect(await listed.textContent()).toContain('Translation');
    await shot(page, 'query-types-corrected-1280');

    await listed.locator('button:has-text("Undo")').click();
    await expect.poll(() => callsOf('Translation'), { timeout: 15_000 }).toBe(before.translation);
    expect(await callsOf('Expert Q&A')).toBe(before.expertQa);
    await listed.locator('text=undone').waitFor();
    expect(await db.llmCall.count({ where: { projectId, feature: 'research', queryType: 'expert_qa', queryTypeSource: 'hint' } })).toBe(researchCalls);
    await page.close();
  });

  it('creates an API key, shows it once, and revokes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${dashboard.url}/p/${projectId}/settings`);
    // The list must have loaded first: a first load still in flight when the key is created can
    // land after the refetch the creation triggers, and show the list without the new key.
    await page.waitForSelector('[data-testid=api-keys-table] tr:has-text("seed")');
    await page.fill('#api-key-name', 'e2e key');
    await page.click('button:has-text("Create API key")');
    const secret = (await page.textContent('[data-testid=new-api-key] code'))!;
    expect(secret).toMatch(/^tl_/);
    const created = await db.apiKey.findFirst({ where: { projectId, name: 'e2e key' } });
    expect(created?.revokedAt).toBeNull();
    await shot(page, 'settings-new-key-1280');
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid=api-keys-table] tr:has-text("e2e key") button:has-text("Revoke")');
    await expect.poll(async () => (await db.apiKey.findUnique({ where: { id: created!.id } }))?.revokedAt ?? null, { timeout: 10_000 }).toBeInstanceOf(Date);
    // The revoked key is refused by the ingest.
    await new Promise((r) => setTimeout(r, 5_200));
    const res = await fetch(`${ingest.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: '{}' });
    expect(res.status).toBe(401);
    await page.close();
  });

  it('re-prices stored calls when a price override is saved, and back when it is deleted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${dashboard.url}/p/${projectId}/settings`);
    const gpt4oCalls = await db.llmCall.count({ where: { projectId, model: { startsWith: 'gpt-4o' }, NOT: { model: { startsWith: 'gpt-4o-mini' } } } });
    expect(gpt4oCalls).toBeGreaterThan(0);
    await page.click('summary:has-text("Add a price")');
    await page.fill('#po-model', 'gpt-4o');
    await page.fill('#po-inputPerMTok', '1');
    await page.fill('#po-outputPerMTok', '4');
    await page.fill('#po-from', new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
    await page.click('button:has-text("Add price")');
    const note = page.locator('[data-testid=repriced-note]').first();
    await note.waitFor({ timeout: 30_000 });
    const override = await db.priceOverride.findFirst({ where: { organizationId: orgId, model: 'gpt-4o' } });
    const repriced = await db.llmCall.count({ where: { projectId, priceVersion: `override:${override!.id}` } });
    expect(repriced).toBe(gpt4oCalls);
    expect(await note.textContent()).toMatch(new RegExp(`Priced ${repriced.toLocaleString('en-US')} stored calls? again: past spend down by \\$`));
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid=price-overrides-table] tr:has-text("gpt-4o") button:has-text("Delete")');
    await expect.poll(async () => (await note.textContent()) ?? '', { timeout: 30_000 }).toMatch(/past spend up by \$/);
    expect(await db.llmCall.count({ where: { projectId, priceVersion: { startsWith: 'override:' } } })).toBe(0);
    await page.close();
  });

  it('creates a budget and sees it on the Overview, downloads the calls and spend as CSV, and opens a trace', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page);
    await page.goto(`${dashboard.url}/p/${projectId}/settings#budgets`);
    await page.click('summary:has-text("Add a budget")');
    await page.fill('#budget-name', 'Checkout monthly');
    await page.fill('#budget-tz', 'Europe/Berlin');
    await page.fill('#budget-limit', '0.5');
    await page.click('button:has-text("Add budget")');
    await page.waitForSelector('[data-testid=budgets-table] td:has-text("Checkout monthly")');
    const budget = await db.budget.findFirst({ where: { organizationId: orgId, name: 'Checkout monthly' } });
    expect(budget).toMatchObject({ projectId, scope: 'project', period: 'month', timeZone: 'Europe/Berlin', thresholds: [50, 80, 100] });

    await page.goto(`${dashboard.url}/p/${projectId}`);
    const row = page.locator('[data-testid=budgets-status] tr:has-text("Checkout monthly")');
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain(formatUsd(0.5));
    expect(await page.textContent('[data-testid=month-forecast]')).toMatch(/forecast \$/);
    await shot(page, 'overview-budgets-1280');

    // The spend CSV: a header, then rows summing to the database's spend.
    const [spendCsv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=spend-csv]')]);
    const spendText = await (await spendCsv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const [header, ...lines] = spendText.trim().split('\r\n');
    expect(header).toMatch(/^bucket_start,model,queryType,feature,calls,/);
    const costAt = header!.split(',').indexOf('costUsd');
    const csvSpend = lines.reduce((sum, l) => sum + Number(l.split(',')[costAt]), 0);
    const spendRange = new URL((await page.getAttribute('[data-testid=spend-csv]', 'href'))!, dashboard.url).searchParams;
    const dbSpend = await db.llmCall.aggregate({ where: { projectId, startTime: { gte: new Date(spendRange.get('from')!), lt: new Date(spendRange.get('to')!) } }, _sum: { costUsd: true } });
    expect(csvSpend).toBeCloseTo(Number(dbSpend._sum.costUsd), 4);

    // The calls CSV, filtered to one feature as in the Calls page.
    await page.goto(`${dashboard.url}/p/${projectId}/calls`);
    await page.selectOption('select[aria-label=Feature]', 'code-review');
    await page.waitForSelector('[data-testid=calls-table] tbody tr');
    const [callsCsv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=calls-csv]')]);
    const callsText = await (await callsCsv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const callLines = callsText.trim().split('\r\n');
    const callsRange = new URL((await page.getAttribute('[data-testid=calls-csv]', 'href'))!, dashboard.url).searchParams;
    expect(callsRange.get('feature')).toBe('code-review');
    const reviewCalls = await db.llmCall.count({ where: { projectId, feature: 'code-review', startTime: { gte: new Date(callsRange.get('from')!), lt: new Date(callsRange.get('to')!) } } });
    expect(callLines).toHaveLength(1 + reviewCalls);

    // A call's trace page sums the trace.
    await page.click('[data-testid=calls-table] tbody tr:first-child a');
    await page.click('[data-testid=trace-link]');
    await page.waitForSelector('[data-testid=trace-calls] tbody tr');
    expect(await page.textContent('[data-testid=trace-cost]')).toMatch(/\$/);
    await page.close();
  });
});
