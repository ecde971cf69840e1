import type { Db } from '@tierlens/db';
import { createOwnerSubscriptions } from '@/features/report-subscriptions/server';
import { DomainError } from '@/server/domain-error';

/**
 * Creates a project in the organization and turns its weekly report on for the organization's
 * owners. Project names are unique within an organization.
 */
export async function createOrganizationProject(db: Db, input: { organizationId: string; name: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const project = await tx.project.create({ data: input, select: { id: true, name: true, organizationId: true } });
      await createOwnerSubscriptions(tx, { organizationId: input.organizationId, projectId: project.id });
      return project;
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new DomainError('conflict', `A project named “${input.name}” already exists in this organization.`);
    throw err;
  }
}
