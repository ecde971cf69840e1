import type { Db, Prisma } from '@tierlens/db';

const organizationProjectSelect = { id: true, name: true, createdAt: true } satisfies Prisma.ProjectSelect;

/** The organization's projects, oldest first. */
export function listOrganizationProjects(db: Db, organizationId: string) {
  return db.project.findMany({ where: { organizationId }, select: organizationProjectSelect, orderBy: { createdAt: 'asc' } });
}
