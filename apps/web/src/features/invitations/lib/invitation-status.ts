/** What an invitation's link does now: `pending` ones can be accepted, the others cannot. */
export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'canceled';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The status of a stored invitation at `now` (a pending one past its expiry is `expired`). */
export function invitationStatus(row: { status: string; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.status === 'accepted') return 'accepted';
  if (row.status !== 'pending') return 'canceled';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** Why an invitation that is not pending cannot be used, in the invitee's words. */
export function invitationUnusableReason(status: Exclude<InvitationStatus, 'pending'>): string {
  switch (status) {
    case 'accepted':
      return 'This invitation has already been used.';
    case 'canceled':
      return 'This invitation was revoked.';
    default:
      return 'This invitation has expired; ask an admin for a new one.';
  }
}
