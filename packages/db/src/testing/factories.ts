import { randomUUID } from 'node:crypto';
import type { Db } from '../client.ts';
import { createApiKey } from '../api-keys.ts';
import { createOrganization, createProject, type Role } from '../organizations.ts';

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
  return {
    user,
    org,
    project,
    apiKey,
    async cleanup() {
      await db.$executeRaw`DELETE FROM llm_calls WHERE project_id = ${project.id}::uuid`;
      await db.organization.delete({ where: { id: org.id } });
      await db.user.delete({ where: { id: user.id } });
    },
  };
}
