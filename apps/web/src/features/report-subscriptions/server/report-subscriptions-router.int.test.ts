import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });
const weekly = { enabled: true, dayOfWeek: 5, hour: 17, timeZone: 'Europe/Berlin' };

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('reportSubscriptions', () => {
  it('starts off with the defaults when nothing is stored, then saves the user’s choice', async () => {
    const viewer = await a.addMember('viewer');
    await expect(as(viewer).reportSubscriptions.mine({ projectId: a.project.id })).resolves.toEqual({ enabled: false, dayOfWeek: 1, hour: 9, timeZone: 'UTC', stored: false });
    await expect(as(viewer).reportSubscriptions.update({ projectId: a.project.id, ...weekly })).resolves.toEqual(weekly);
    await expect(as(viewer).reportSubscriptions.mine({ projectId: a.project.id })).resolves.toEqual({ ...weekly, stored: true });
  });

  it('changes only the caller’s own subscription', async () => {
    const member = await a.addMember('member');
    await as(a.user).reportSubscriptions.update({ projectId: a.project.id, enabled: true, dayOfWeek: 1, hour: 9, timeZone: 'UTC' });
    await as(member).reportSubscriptions.update({ projectId: a.project.id, ...weekly, enabled: false });
    expect(await as(a.user).reportSubscriptions.mine({ projectId: a.project.id })).toMatchObject({ enabled: true, timeZone: 'UTC' });
  });

  it('accepts IANA time zones only', async () => {
    await expect(as(a.user).reportSubscriptions.update({ projectId: a.project.id, ...weekly, timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(a.user).reportSubscriptions.update({ projectId: a.project.id, ...weekly, hour: 24 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(a.user).reportSubscriptions.update({ projectId: a.project.id, ...weekly, dayOfWeek: 7 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Links and other spellings are stored under the runtime's canonical name.
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Kolkata' }).resolvedOptions().timeZone;
    await expect(as(a.user).reportSubscriptions.update({ projectId: a.project.id, ...weekly, timeZone: 'Asia/Kolkata' })).resolves.toMatchObject({ timeZone: canonical });
    await expect(as(a.user).reportSubscriptions.update({ projectId: a.project.id, ...weekly, timeZone: 'Etc/UTC' })).resolves.toMatchObject({ timeZone: 'UTC' });
  });

  it("does not let a member of one organization read or subscribe to another's project", async () => {
    await expect(as(a.user).reportSubscriptions.mine({ projectId: b.project.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).reportSubscriptions.update({ projectId: b.project.id, ...weekly })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.reportSubscription.count({ where: { projectId: b.project.id, userId: a.user.id } })).toBe(0);
  });
});
