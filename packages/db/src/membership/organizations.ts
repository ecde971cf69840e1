import { randomUUID } from 'node:crypto';
import type { Db } from '../client.ts';

/** Roles a member can hold, from most to least privileged. */
export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Creates an organization with `ownerId` as its owner. */
export async function createOrganization(db: Db, input: { name: string; ownerId: string }) {
  const id = randomUUID();
  const slug = `${slugify(input.name)}-${id.slice(0, 6)}`;
  return db.organization.create({
    data: { id, name: input.name, slug, members: { create: { id: randomUUID(), userId: input.ownerId, role: 'owner' } } },
    select: { id: true, name: true, slug: true },
  });
}

/** Creates a project in an organization. */
export async function createProject(db: Db, input: { organizationId: string; name: string }) {
  return db.project.create({
    data: { organizationId: input.organizationId, name: input.name },
    select: { id: true, name: true, organizationId: true },
  });
}

function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'org';
}
