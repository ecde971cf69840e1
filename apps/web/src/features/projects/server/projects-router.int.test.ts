import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('projects.get', () => {
  it('returns the project with its organization and the caller’s role', async () => {
    const viewer = await a.addMember('viewer');
    await expect(as(viewer).projects.get({ projectId: a.project.id })).resolves.toEqual({
      id: a.project.id, name: a.project.name, organizationId: a.org.id, organizationName: a.org.name, role: 'viewer',
    });
  });

  it("does not show another organization's project", async () => {
    await expect(as(a.user).projects.get({ projectId: b.project.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('projects.listInOrganization', () => {
  it('lists the organization’s projects to a viewer', async () => {
    const viewer = await a.addMember('viewer');
    const list = await as(viewer).projects.listInOrganization({ organizationId: a.org.id });
    expect(list.map((p) => p.id)).toContain(a.project.id);
  });

  it("does not list another organization's projects", async () => {
    await expect(as(a.user).projects.listInOrganization({ organizationId: b.org.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('projects.create', () => {
  it('lets an admin create a project, with the weekly report on for the owners only', async () => {
    const admin = await a.addMember('admin');
    const project = await as(admin).projects.create({ organizationId: a.org.id, name: '  Search  ' });
    expect(project).toMatchObject({ name: 'Search', organizationId: a.org.id });
    const subs = await db.reportSubscription.findMany({ where: { projectId: project.id }, select: { userId: true, enabled: true, dayOfWeek: true, hour: true } });
    expect(subs).toEqual([{ userId: a.user.id, enabled: true, dayOfWeek: 1, hour: 9 }]);
  });

  it('refuses a duplicate name in the organization', async () => {
    await expect(as(a.user).projects.create({ organizationId: a.org.id, name: a.project.name })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(a.user).projects.create({ organizationId: a.org.id, name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('does not let members or viewers create projects', async () => {
    const member = await a.addMember('member');
    const viewer = await a.addMember('viewer');
    await expect(as(member).projects.create({ organizationId: a.org.id, name: 'nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(viewer).projects.create({ organizationId: a.org.id, name: 'nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("does not let a member of one organization create projects in another", async () => {
    await expect(as(a.user).projects.create({ organizationId: b.org.id, name: 'intruder' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.project.count({ where: { organizationId: b.org.id, name: 'intruder' } })).toBe(0);
  });
});

describe('projects.rename', () => {
  it('lets an admin rename a project', async () => {
    const admin = await a.addMember('admin');
    const p = await as(a.user).projects.create({ organizationId: a.org.id, name: 'Old name' });
    await expect(as(admin).projects.rename({ projectId: p.id, name: 'New name' })).resolves.toEqual({ id: p.id, name: 'New name' });
    await expect(as(admin).projects.rename({ projectId: p.id, name: a.project.name })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('does not let a viewer rename', async () => {
    const viewer = await a.addMember('viewer');
    await expect(as(viewer).projects.rename({ projectId: a.project.id, name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("does not let a member of one organization rename another's project", async () => {
    await expect(as(a.user).projects.rename({ projectId: b.project.id, name: 'taken over' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.project.findUniqueOrThrow({ where: { id: b.project.id }, select: { name: true } })).name).toBe(b.project.name);
  });
});
