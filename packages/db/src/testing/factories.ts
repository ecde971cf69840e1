import { randomUUID } from 'node:crypto';
import type { Db } from '../client.ts';
import { createApiKey } from '../api-keys/api-keys.ts';
import { createOrganization, createProject, type Role } from '../membership/organizations.ts';

/**
 * An organization with an owner, one project and an API key, all with unique names, so tests
 * can run in parallel on one database and clean up by id.
 */
export async function createTestTenant(db: Db, opts: { role?: Role } = {}) {
  const tag = randomUUID().slice(0, 8);
  const user = await db.user.create({
    data: { id: randomUUID(), email: `owner-${tag}@example.test`, name: `Owner ${tag}` },
    select: { id: true, email: true },
  });
  const org = await createOrganization(db, { name: `Org ${tag}`, ownerId: user.id });
  if (opts.role && opts.role !== 'owner') {
    await db.member.updateMany({ where: { organizationId: org.id, userId: user.id }, data: { role: opts.role } });
  }
  const project = await createProject(db, { organizationId: org.id, name: `Project ${tag}` });
  const apiKey = await createApiKey(db, { projectId: project.id, createdById: user.id });
  const extraUserIds: string[] = [];
  return {
    user,
    org,
    project,
    apiKey,
    /** Adds a new user to the organization with `role`; removed again by `cleanup`. */
    async addMember(role: Role) {
      const member = await createTestMember(db, { organizationId: org.id, role });
      extraUserIds.push(member.id);
      return member;
    },
    /** Has `cleanup` also delete this user (e.g. one a test created through an invitation). */
    trackUser(userId: string) {
      extraUserIds.push(userId);
    },
    async cleanup() {
      await db.$executeRaw`DELETE FROM llm_calls WHERE project_id = ${project.id}::uuid`;
      await db.organization.delete({ where: { id: org.id } });
      await db.user.deleteMany({ where: { id: { in: [user.id, ...extraUserIds] } } });
    },
  };
}

/**
 * A new user with a unique email who is a member of `organizationId` with `role`. The caller
 * deletes the user (deleting the organization removes only the membership).
 */
export async function createTestMember(db: Db, input: { organizationId: string; role: Role }) {
  const tag = randomUUID().slice(0, 8);
  const user = await db.user.create({
    data: { id: randomUUID(), email: `${input.role}-${tag}@example.test`, name: `${input.role} ${tag}` },
    select: { id: true, email: true, name: true },
  });
  await db.member.create({ data: { id: randomUUID(), organizationId: input.organizationId, userId: user.id, role: input.role } });
  return user;
}
