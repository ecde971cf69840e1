import { createUserWithPassword } from '@tierlens/auth';
import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';
import { invitationStatus, invitationUnusableReason } from '../lib/invitation-status';
import { claimInvitation, type ClaimedInvitation } from './claim-invitation';

/**
 * For an invitee without an account: creates one for the invited email with the given name and
 * password (signing in with them afterwards is up to the caller), then accepts the invitation.
 * If accepting fails (the link was used or revoked meanwhile), the new account is removed again.
 */
export async function acceptInvitationWithNewAccount(
  db: Db,
  input: { invitationId: string; name: string; password: string; now?: Date },
): Promise<ClaimedInvitation & { email: string }> {
  const now = input.now ?? new Date();
  const invitation = await db.invitation.findUnique({ where: { id: input.invitationId }, select: { email: true, status: true, expiresAt: true } });
  if (!invitation) throw new DomainError('not_found', 'No such invitation.');
  const status = invitationStatus(invitation, now);
  if (status !== 'pending') throw new DomainError('conflict', invitationUnusableReason(status));
  const email = invitation.email.toLowerCase();
  const exists = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (exists) throw new DomainError('conflict', 'An account with this email already exists: sign in to accept the invitation.');

  let user: { id: string; email: string };
  try {
    user = await createUserWithPassword(db, { email, name: input.name, password: input.password });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new DomainError('conflict', 'An account with this email already exists: sign in to accept the invitation.');
    throw err;
  }
  try {
    const claimed = await db.$transaction((tx) => claimInvitation(tx, { invitationId: input.invitationId, user, now }));
    return { ...claimed, email: user.email };
  } catch (err) {
    await db.user.delete({ where: { id: user.id } }).catch(() => undefined);
    throw err;
  }
}
