import type { Db } from '@tierlens/db';
import { toRole } from '@/lib/roles';
import { invitationStatus } from '../lib/invitation-status';

/**
 * What the invitation page shows to whoever holds the link (the id is the secret): which
 * organization, for which email and role, whether it can still be used, and whether the
 * invited email already has an account (sign in) or not (set a password). Null when unknown.
 */
export async function getInvitationForInvitee(db: Db, invitationId: string, now: Date = new Date()) {
  const row = await db.invitation.findUnique({
    where: { id: invitationId },
    select: { id: true, email: true, role: true, status: true, expiresAt: true, organization: { select: { name: true } }, inviter: { select: { name: true, email: true } } },
  });
  if (!row) return null;
  const account = await db.user.findUnique({ where: { email: row.email.toLowerCase() }, select: { id: true } });
  return {
    id: row.id,
    email: row.email,
    role: toRole(row.role ?? 'member'),
    status: invitationStatus(row, now),
    expiresAt: row.expiresAt,
    organizationName: row.organization.name,
    invitedBy: row.inviter.name || row.inviter.email,
    hasAccount: account !== null,
  };
}
