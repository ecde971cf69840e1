import type { Db } from '../client.ts';

/** A project seen by one of its organization's members, with that member's role (as stored). */
export interface MemberProject {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  role: string;
}

/**
 * The project if `userId` is a member of its organization, else null: the one membership check
 * behind the project procedures, the project switcher and the unsubscribe link.
 */
export async function findMemberProject(db: Db, input: { userId: string; projectId: string }): Promise<MemberProject | null> {
  const project = await db.project.findFirst({
    where: { id: input.projectId, organization: { members: { some: { userId: input.userId } } } },
    select: { id: true, name: true, organization: { select: { id: true, name: true, members: { where: { userId: input.userId }, select: { role: true } } } } },
  });
  const member = project?.organization.members[0];
  if (!project || !member) return null;
  return { id: project.id, name: project.name, organizationId: project.organization.id, organizationName: project.organization.name, role: member.role };
}

/** The membership of `userId` in an organization (with the organization's name), or null. */
export async function findMembership(db: Db, input: { userId: string; organizationId: string }) {
  return db.member.findFirst({
    where: { organizationId: input.organizationId, userId: input.userId },
    select: { id: true, role: true, organization: { select: { id: true, name: true } } },
  });
}
