import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });
const memberIdOf = async (organizationId: string, userId: string) =>
  (await db.member.findFirstOrThrow({ where: { organizationId, userId }, select: { id: true } })).id;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('members.list', () => {
  it('lists the organization’s members, owners first, to any member', async () => {
    const viewer = await a.addMember('viewer');
    const list = await as(viewer).members.list({ organizationId: a.org.id });
    expect(list[0]).toMatchObject({ userId: a.user.id, role: 'owner', email: a.user.email });
    expect(list.map((m) => m.userId)).toContain(viewer.id);
  });

  it("does not let a member of one organization list another's members", async () => {
    await expect(as(a.user).members.list({ organizationId: b.org.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('requires sign-in', async () => {
    await expect(callerFor(db, null).members.list({ organizationId: a.org.id })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('members.changeRole', () => {
  it('lets an admin change a member’s role', async () => {
    const admin = await a.addMember('admin');
    const member = await a.addMember('member');
    const memberId = await memberIdOf(a.org.id, member.id);
    await expect(as(admin).members.changeRole({ organizationId: a.org.id, memberId, role: 'viewer' })).resolves.toEqual({ id: memberId, role: 'viewer' });
    expect((await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { role: true } })).role).toBe('viewer');
  });

  it('does not let members or viewers change roles', async () => {
    const member = await a.addMember('member');
    const viewer = await a.addMember('viewer');
    const targetId = await memberIdOf(a.org.id, viewer.id);
    await expect(as(member).members.changeRole({ organizationId: a.org.id, memberId: targetId, role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(viewer).members.changeRole({ organizationId: a.org.id, memberId: targetId, role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets only owners make owners or change an owner’s role', async () => {
    const admin = await a.addMember('admin');
    const member = await a.addMember('member');
    const memberId = await memberIdOf(a.org.id, member.id);
    const ownerId = await memberIdOf(a.org.id, a.user.id);
    await expect(as(admin).members.changeRole({ organizationId: a.org.id, memberId, role: 'owner' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(admin).members.changeRole({ organizationId: a.org.id, memberId: ownerId, role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('does not let the last owner be demoted, and allows it once there is another owner', async () => {
    const t = await createTestTenant(db);
    try {
      const ownerId = await memberIdOf(t.org.id, t.user.id);
      await expect(as(t.user).members.changeRole({ organizationId: t.org.id, memberId: ownerId, role: 'admin' })).rejects.toMatchObject({ code: 'CONFLICT' });
      const second = await t.addMember('member');
      await as(t.user).members.changeRole({ organizationId: t.org.id, memberId: await memberIdOf(t.org.id, second.id), role: 'owner' });
      await expect(as(second).members.changeRole({ organizationId: t.org.id, memberId: ownerId, role: 'admin' })).resolves.toMatchObject({ role: 'admin' });
    } finally {
      await t.cleanup();
    }
  });

  it("does not let an owner of one organization change another's members", async () => {
    const bMemberId = await memberIdOf(b.org.id, b.user.id);
    await expect(as(a.user).members.changeRole({ organizationId: b.org.id, memberId: bMemberId, role: 'viewer' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).members.changeRole({ organizationId: a.org.id, memberId: bMemberId, role: 'viewer' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.member.findUniqueOrThrow({ where: { id: bMemberId }, select: { role: true } })).role).toBe('owner');
  });
});

describe('members.remove', () => {
  it('removes a member and their report subscriptions to the organization’s projects', async () => {
    const admin = await a.addMember('admin');
    const member = await a.addMember('member');
    await db.reportSubscription.create({ data: { userId: member.id, projectId: a.project.id } });
    await as(admin).members.remove({ organizationId: a.org.id, memberId: await memberIdOf(a.org.id, member.id) });
    expect(await db.member.count({ where: { organizationId: a.org.id, userId: member.id } })).toBe(0);
    expect(await db.reportSubscription.count({ where: { userId: member.id } })).toBe(0);
  });

  it('does not let a viewer remove anyone', async () => {
    const viewer = await a.addMember('viewer');
    const member = await a.addMember('member');
    await expect(as(viewer).members.remove({ organizationId: a.org.id, memberId: await memberIdOf(a.org.id, member.id) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('does not let an admin remove an owner, nor anyone remove the last owner', async () => {
    const admin = await a.addMember('admin');
    const ownerId = await memberIdOf(a.org.id, a.user.id);
    await expect(as(admin).members.remove({ organizationId: a.org.id, memberId: ownerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(a.user).members.remove({ organizationId: a.org.id, memberId: ownerId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it("does not let an owner of one organization remove another's members", async () => {
    const bMember = await b.addMember('member');
    const bMemberId = await memberIdOf(b.org.id, bMember.id);
    await expect(as(a.user).members.remove({ organizationId: b.org.id, memberId: bMemberId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).members.remove({ organizationId: a.org.id, memberId: bMemberId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.member.count({ where: { id: bMemberId } })).toBe(1);
  });
});
