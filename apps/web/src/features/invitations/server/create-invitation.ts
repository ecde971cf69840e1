import { randomUUID } from 'node:crypto';
import type { Db, Role } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';
import { invitationLink } from '../lib/invitation-link';
import { INVITATION_TTL_MS } from '../lib/invitation-status';

/** An invitation as its creator sees it, with the link to hand to the invitee. */
export interface CreatedInvitation {
  id: string;
  organizationId: string;
  organizationName: string;
  email: string;
  role: Role;
  expiresAt: Date;
  inviter: { id: string; name: string; email: string };
  link: string;
}

/** Called after an invitation is stored, e.g. to email the link. */
export type OnInvite = (invitation: CreatedInvitation) => Promise<void> | void;

/**
 * Invites `email` to the organization with `role`, valid for seven days. Only owners invite
 * owners; people who are already members, or already have a pending invitation, are refused.
 * The invitation id is random and is the secret in the link. `onInvite` runs after the
 * invitation is stored; if it fails the invitation stands, and `notifyError` says why, so the
 * dashboard can still show the link to copy.
 */
export async function createInvitation(
  db: Db,
  input: { organizationId: string; inviterId: string; actorRole: Role; email: string; role: Role; baseUrl: string; now?: Date },
  hooks: { onInvite?: OnInvite } = {},
): Promise<CreatedInvitation & { notifyError: string | null }> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  if (input.role === 'owner' && input.actorRole !== 'owner') throw new DomainError('forbidden', 'Only owners can invite owners.');
  const member = await db.member.findFirst({ where: { organizationId: input.organizationId, user: { email } }, select: { id: true } });
  if (member) throw new DomainError('conflict', `${email} is already a member of this organization.`);
  const pending = await db.invitation.findFirst({
    where: { organizationId: input.organizationId, email, status: 'pending', expiresAt: { gt: now } },
    select: { id: true },
  });
  if (pending) throw new DomainError('conflict', `${email} already has a pending invitation: copy its link, or revoke it first.`);

  const row = await db.invitation.create({
    data: { id: randomUUID(), organizationId: input.organizationId, email, role: input.role, status: 'pending', inviterId: input.inviterId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    select: { id: true, email: true, expiresAt: true, organization: { select: { id: true, name: true } }, inviter: { select: { id: true, name: true, email: true } } },
  });
  const invitation: CreatedInvitation = {
    id: row.id,
    organizationId: row.organization.id,
    organizationName: row.organization.name,
    email: row.email,
    role: input.role,
    expiresAt: row.expiresAt,
    inviter: row.inviter,
    link: invitationLink(input.baseUrl, row.id),
  };
  let notifyError: string | null = null;
  if (hooks.onInvite) {
    try {
      await hooks.onInvite(invitation);
    } catch (err) {
      notifyError = err instanceof Error ? err.message : String(err);
    }
  }
  return { ...invitation, notifyError };
}
