import type { Db } from '@tierlens/db';

const projectListSelect = {
  id: true,
  name: true,
  organization: { select: { id: true, name: true } },
} as const;

/** The projects of every organization the user belongs to, oldest first. */
export async function listMyProjects(db: Db, userId: string) {
  const projects = await db.project.findMany({
    where: { organization: { members: { some: { userId } } } },
    select: projectListSelect,
    orderBy: { createdAt: 'asc' },
  });
  return projects.map((p) => ({ id: p.id, name: p.name, organizationId: p.organization.id, organizationName: p.organization.name }));
}
