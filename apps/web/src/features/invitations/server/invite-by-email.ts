import type { Db, Role } from '@tierlens/db';
import { renderInvitationEmail, type Mailer } from '@tierlens/reports';
import { createInvitation, type CreatedInvitation } from './create-invitation';

/** How the invitation reached the invitee: by SMTP, as a `.eml` file in the outbox, or not (see `notifyError`). */
export type InvitationDelivery = 'smtp' | 'outbox' | null;

/**
 * Creates an invitation and emails its link with the same mailer as the weekly reports (SMTP
 * when SMTP_URL is set, else the outbox folder). A failed send leaves the invitation standing:
 * the result says why, and the dashboard still shows the link to copy.
 */
export async function inviteByEmail(
  db: Db,
  /** Read when sending, so a bad mail setting is reported like a failed send. */
  mailer: () => Mailer,
  input: { organizationId: string; inviterId: string; actorRole: Role; email: string; role: Role; baseUrl: string; now?: Date },
): Promise<CreatedInvitation & { notifyError: string | null; delivery: InvitationDelivery }> {
  let delivery: InvitationDelivery = null;
  const created = await createInvitation(db, input, {
    async onInvite(invitation) {
      const email = await renderInvitationEmail(invitation);
      const sent = await mailer().send({ to: invitation.email, ...email, outboxName: `invitation-${invitation.id}` });
      delivery = sent.transport;
    },
  });
  return { ...created, delivery };
}
