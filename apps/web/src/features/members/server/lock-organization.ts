import type { Prisma } from '@tierlens/db';

/**
 * Locks the organization's row for the rest of the transaction, so that membership changes of
 * one organization run one at a time (two admins demoting the last two owners at once cannot
 * both see "another owner remains"). Returns the number of owners.
 */
export async function lockOrganizationAndCountOwners(tx: Prisma.TransactionClient, organizationId: string): Promise<number> {
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${organizationId} FOR UPDATE`;
  return tx.member.count({ where: { organizationId, role: 'owner' } });
}
