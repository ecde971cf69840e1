import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

/** Revokes a pending invitation of the organization, so its link stops working. */
export async function revokeInvitation(db: Db, input: { organizationId: string; invitationId: string }): Promise<void> {
  const { count } = await db.invitation.updateMany({
    where: { id: input.invitationId, organizationId: input.organizationId, status: 'pending' },
    data: { status: 'canceled' },
  });
  if (count === 0) throw new DomainError('not_found', 'No such pending invitation in this organization.');
}
