import { findMemberProject, type Db, type Role } from '@tierlens/db';
import { toRole } from '@/lib/roles';

/** A project the user can see, with its organization and the user's role there; null otherwise. */
export async function getMyProject(db: Db, userId: string, projectId: string): Promise<{
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  role: Role;
} | null> {
  const project = await findMemberProject(db, { userId, projectId });
  return project ? { ...project, role: toRole(project.role) } : null;
}
