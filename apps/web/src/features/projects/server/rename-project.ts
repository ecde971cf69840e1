import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

/** Renames a project; names are unique within an organization. */
export async function renameProject(db: Db, input: { projectId: string; name: string }) {
  try {
    return await db.project.update({ where: { id: input.projectId }, data: { name: input.name }, select: { id: true, name: true } });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new DomainError('conflict', `A project named “${input.name}” already exists in this organization.`);
    throw err;
  }
}
