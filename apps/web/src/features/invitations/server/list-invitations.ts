import type { Db, Prisma } from '@tierlens/db';
import { toRole } from '@/lib/roles';
import { invitationLink } from '../lib/invitation-link';
import { invitationStatus } from '../lib/invitation-status';

const invitationListSelect = {
  id: true,
  email: true,
  role: true,
  status: true,
  expiresAt: true,
  createdAt: true,
  inviter: { select: { name: true, email: true } },
} satisfies Prisma.InvitationSelect;

/** The organization's open invitations (pending or expired, not used or revoked), newest first, with their links. */
export async function listInvitations(db: Db, input: { organizationId: string; baseUrl: string; now?: Date }) {
  const now = input.now ?? new Date();
  const rows = await db.invitation.findMany({
    where: { organizationId: input.organizationId, status: 'pending' },
    select: invitationListSelect,
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: toRole(r.role ?? 'member'),
    status: invitationStatus(r, now),
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
    invitedBy: r.inviter.name || r.inviter.email,
    link: invitationLink(input.baseUrl, r.id),
  }));
}
