import type { Db } from '@tierlens/db';
import { claimInvitation, type ClaimedInvitation } from './claim-invitation';

/** The signed-in user accepts an invitation sent to their email address. */
export function acceptInvitation(
  db: Db,
  input: { invitationId: string; user: { id: string; email: string }; now?: Date },
): Promise<ClaimedInvitation> {
  return db.$transaction((tx) => claimInvitation(tx, { ...input, now: input.now ?? new Date() }));
}
