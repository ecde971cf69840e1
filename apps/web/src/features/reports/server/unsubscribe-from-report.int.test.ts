import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { unsubscribeUrl } from '@tierlens/reports';
import { createUnsubscribeHandlers } from './unsubscribe-handlers';
import { unsubscribeFromReport } from './unsubscribe-from-report';

const db = testDb();
const SECRET = 'u'.repeat(40);
let t: Awaited<ReturnType<typeof createTestTenant>>;
const handlers = createUnsubscribeHandlers({ db: () => db, secret: () => SECRET, dashboardUrl: () => 'http://tierlens.test' });
const subscription = (userId: string) => db.reportSubscription.findUnique({ where: { userId_projectId: { userId, projectId: t.project.id } }, select: { enabled: true } });

beforeAll(async () => {
  t = await createTestTenant(db);
});
afterAll(() => t.cleanup());

describe('unsubscribe', () => {
  it('switches an existing subscription off', async () => {
    await db.reportSubscription.create({ data: { userId: t.user.id, projectId: t.project.id } });
    await expect(unsubscribeFromReport(db, { userId: t.user.id, projectId: t.project.id })).resolves.toEqual({ projectName: t.project.name });
    expect(await subscription(t.user.id)).toEqual({ enabled: false });
  });

  it('leaves a member without a subscription with a switched-off one, so later defaults do not turn it on', async () => {
    const member = await t.addMember('member');
    await unsubscribeFromReport(db, { userId: member.id, projectId: t.project.id });
    expect(await subscription(member.id)).toEqual({ enabled: false });
  });

  it('creates nothing for someone who is not a member', async () => {
    const outsider = await createTestTenant(db);
    try {
      await expect(unsubscribeFromReport(db, { userId: outsider.user.id, projectId: t.project.id })).resolves.toBeNull();
      expect(await subscription(outsider.user.id)).toBeNull();
    } finally {
      await outsider.cleanup();
    }
  });

  it('GET asks, POST acts, and only with the right signature', async () => {
    const member = await t.addMember('viewer');
    await db.reportSubscription.create({ data: { userId: member.id, projectId: t.project.id } });
    const link = unsubscribeUrl('http://tierlens.test', SECRET, { userId: member.id, projectId: t.project.id });
    const page = await handlers.GET(new Request(link));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(await subscription(member.id)).toEqual({ enabled: true });
    const forged = unsubscribeUrl('http://tierlens.test', 'v'.repeat(40), { userId: member.id, projectId: t.project.id });
    expect((await handlers.POST(new Request(forged, { method: 'POST' }))).status).toBe(400);
    expect(await subscription(member.id)).toEqual({ enabled: true });
    expect((await handlers.POST(new Request(link, { method: 'POST' }))).status).toBe(200);
    expect(await subscription(member.id)).toEqual({ enabled: false });
  });
});
