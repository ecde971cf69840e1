import type { Db, Role } from '@tierlens/db';
import { toRole } from '@/lib/roles';

/** A project the user can see, with its organization and the user's role there; null otherwise. */
export async function getMyProject(db: Db, userId: string, projectId: string): Promise<{
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  role: Role;
} | null> {
  const project = await db.project.findFirst({
    where: { id: projectId, organization: { members: { some: { userId } } } },
    select: { id: true, name: true, organization: { select: { id: true, name: true, members: { where: { userId }, select: { role: true } } } } },
  });
  if (!project) return null;
  return {
    id: project.id,
    name: project.name,
    organizationId: project.organization.id,
    organizationName: project.organization.name,
    role: toRole(project.organization.members[0]?.role),
  };
}
