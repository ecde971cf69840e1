import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPassword } from '@tierlens/auth';
import { createOrganization, createProject } from '@tierlens/db';
import { testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { launchBrowser } from './launch-browser.ts';
import { startDashboard, type RunningDashboard } from './start-dashboard.ts';

// The dashboard as an attacker meets it, over real HTTP and in Chromium: forged client
// addresses, cross-site mutations, framing, and the headers on every response.

const db = testDb();
const password = 'correct horse battery staple';
let email: string;
let userId: string;
let orgId: string;
let projectId: string;
let dashboard: RunningDashboard;
let proxied: RunningDashboard;
let browser: Browser;
let attacker: Server;
let attackerUrl: string;

beforeAll(async () => {
  const tag = Math.random().toString(36).slice(2, 8);
  email = `sec-${tag}@example.test`;
  const user = await createUserWithPassword(db, { email, name: 'Sam Security', password });
  userId = user.id;
  const org = await createOrganization(db, { name: `Sec ${tag}`, ownerId: user.id });
  orgId = org.id;
  projectId = (await createProject(db, { organizationId: org.id, name: 'guarded' })).id;
  // Two servers on the same build: the default (no trusted proxy) and one behind a trusted proxy.
  [dashboard, proxied] = await Promise.all([
    startDashboard(testDatabaseUrl()),
    startDashboard(testDatabaseUrl(), { TIERLENS_TRUSTED_PROXIES: '127.0.0.1' }),
  ]);
  browser = await launchBrowser();
  // Another site, which frames the dashboard.
  attacker = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><h1>win a prize</h1><iframe id="victim" src="${dashboard.url}/sign-in" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([dashboard?.stop(), proxied?.stop()]);
  await new Promise((r) => attacker?.close(r));
  if (orgId) await db.organization.delete({ where: { id: orgId } });
  if (userId) {
    await db.session.deleteMany({ where: { userId } });
    await db.user.delete({ where: { id: userId } });
  }
});

/** POST /api/auth/sign-in/email as a script would, from the dashboard's own origin. */
function signIn(base: string, pass: string, forwardedFor?: string): Promise<Response> {
  return fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ email, password: pass }),
  });
}

function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  expect(cookie, 'sign-in sets a session cookie').toBeDefined();
  return cookie!.split(';')[0]!;
}

async function sessionIp(res: Response): Promise<string | null> {
  const token = decodeURIComponent(sessionCookie(res).split('=')[1]!).split('.')[0]!;
  return (await db.session.findUnique({ where: { token }, select: { ipAddress: true } }))?.ipAddress ?? null;
}

describe('security headers', () => {
  it('are on pages, redirects, API routes and static assets', async () => {
    const signInPage = await fetch(`${dashboard.url}/sign-in`);
    const html = await signInPage.text();
    const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(asset).toBeDefined();
    for (const [path, status] of [['/sign-in', /^200$/], ['/', /^30\d$/], [`/p/${projectId}`, /^30\d$/], ['/api/trpc/projects.list', /^401$/], [asset!, /^200$/]] as const) {
      const res = await fetch(`${dashboard.url}${path}`, { redirect: 'manual' });
      expect(String(res.status), path).toMatch(status);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('keep another site from framing the dashboard, in Chromium', async () => {
    const page = await browser.newPage();
    // goto resolves on the window's load event, which waits for the iframe's own load.
    await page.goto(attackerUrl);
    const victim = page.frames().find((f) => f !== page.mainFrame());
    // A blocked frame stays empty (Chromium shows its error page); it never gets the sign-in form.
    const form = victim ? await victim.$('#email').catch(() => null) : null;
    expect(form).toBeNull();
    await page.close();
  });

  it('do not break the pages: sign-in and the dashboard run with no CSP violation, in Chromium', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${dashboard.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForURL(new RegExp(`/p/${projectId}`));
    // A client-side mutation through tRPC (POST with the page's Origin) still works.
    await page.goto(`${dashboard.url}/p/${projectId}/settings`);
    await page.fill('#api-key-name', 'csp key');
    await page.click('button:has-text("Create API key")');
    expect(await page.textContent('[data-testid=new-api-key] code')).toMatch(/^tl_/);
    // The weekly report preview renders in its srcdoc frame under the page's policy.
    await page.goto(`${dashboard.url}/p/${projectId}/reports`);
    const frame = await (await page.waitForSelector('[data-testid=report-preview]', { timeout: 30_000 })).contentFrame();
    await expect.poll(async () => (await frame!.textContent('body'))?.trim().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(20);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('tRPC mutations', () => {
  it('answer 403 to a foreign Origin, even with a valid session cookie, and change nothing', async () => {
    const cookie = sessionCookie(await signIn(dashboard.url, password));
    const create = (origin: string | null) =>
      fetch(`${dashboard.url}/api/trpc/apiKeys.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...(origin ? { origin } : {}) },
        body: JSON.stringify({ json: { projectId, name: `from ${origin}` } }),
      });
    for (const origin of ['http://evil.example', attackerUrl, null]) {
      const res = await create(origin);
      expect(res.status, String(origin)).toBe(403);
      expect(await db.apiKey.count({ where: { projectId, name: `from ${origin}` } })).toBe(0);
    }
    // The same request from the dashboard's own origin goes through: the Origin is what stopped it.
    const own = await create(dashboard.url);
    expect(own.status).toBe(200);
    expect(await db.apiKey.count({ where: { projectId, name: `from ${dashboard.url}` } })).toBe(1);
  });
});

describe('client address (TIERLENS_TRUSTED_PROXIES)', () => {
  it('by default, a forged X-Forwarded-For is neither recorded as the session IP nor resets the sign-in limit', async () => {
    // The limit counts sign-ins within 10 s of the previous one; let the earlier tests' sign-ins age out.
    await new Promise((r) => setTimeout(r, 10_500));
    const ok = await signIn(dashboard.url, password, '6.6.6.6');
    expect(ok.status).toBe(200);
    expect(await sessionIp(ok)).toBe('127.0.0.1');

    // Better Auth allows 3 sign-ins per 10 s per client; a new forged address each time must not
    // make a new client. (Before the fix, 50 of 50 wrong passwords were checked.)
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn(dashboard.url, 'wrong password!', `203.0.113.${i + 1}`)).status);
    expect(statuses.filter((s) => s === 429).length, statuses.join(',')).toBeGreaterThanOrEqual(5);
    // Even the right password is refused while limited: the limit is on the client, not the guess.
    expect((await signIn(dashboard.url, password, '198.51.100.99')).status).toBe(429);
  });

  it('behind a trusted proxy, the address the proxy forwards is the client', async () => {
    const ok = await signIn(proxied.url, password, '198.51.100.7');
    expect(ok.status).toBe(200);
    expect(await sessionIp(ok)).toBe('198.51.100.7');
    // Each forwarded client has its own limit: one client's failures do not lock out another.
    const first: number[] = [];
    for (let i = 0; i < 5; i++) first.push((await signIn(proxied.url, 'wrong password!', '198.51.100.8')).status);
    expect(first.at(-1), first.join(',')).toBe(429);
    expect((await signIn(proxied.url, 'wrong password!', '198.51.100.9')).status).toBe(401);
  });
});
