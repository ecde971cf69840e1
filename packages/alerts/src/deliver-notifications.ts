import { claimDueNotifications, recordNotificationOutcome, type Db } from '@tierlens/db';
import type { Mailer } from '@tierlens/reports';
import { ZAlertEvent } from './alert-event.ts';
import { ChannelSendError, sendToChannel } from './send-to-channel.ts';

/** Attempts before a delivery is given up as failed. */
export const NOTIFICATION_MAX_ATTEMPTS = 5;
/** How long a claim holds a delivery; far longer than one send can take (10 s HTTP, 60 s SMTP idle). */
export const NOTIFICATION_LEASE_MS = 5 * 60_000;
/** Backoff after the n-th failed attempt: 1, 2, 4, 8 minutes. */
export const notificationBackoffMs = (attempt: number) => 60_000 * 2 ** (attempt - 1);

/**
 * Sends the notifications that are due: claims them (SKIP LOCKED, so each goes to one process),
 * sends each to its channel, and records the outcome; a failure is retried with backoff until
 * {@link NOTIFICATION_MAX_ATTEMPTS}, then marked failed. A process that dies mid-send leaves a
 * claim another process takes over when its lease ends.
 */
export async function deliverNotifications(
  db: Db,
  ctx: { mailer: Mailer; now?: () => Date; limit?: number; log?: (line: string) => void },
): Promise<{ sent: number; failed: number }> {
  const now = ctx.now ?? (() => new Date());
  const claims = await claimDueNotifications(db, { now: now(), leaseMs: NOTIFICATION_LEASE_MS, maxAttempts: NOTIFICATION_MAX_ATTEMPTS, limit: ctx.limit ?? 20 });
  let sent = 0;
  let failed = 0;
  for (const claim of claims) {
    try {
      const event = ZAlertEvent.parse(claim.event);
      const responseStatus = await sendToChannel(claim.channel, event, { deliveryId: claim.id, mailer: ctx.mailer, now: now() });
      await recordNotificationOutcome(db, claim, { status: 'sent', at: now(), responseStatus });
      sent++;
    } catch (error) {
      failed++;
      const last = claim.attempts >= NOTIFICATION_MAX_ATTEMPTS;
      const message = error instanceof Error ? error.message : String(error);
      ctx.log?.(`notification ${claim.id} to ${claim.channel.kind} "${claim.channel.name}" failed (attempt ${claim.attempts}): ${message}`);
      await recordNotificationOutcome(db, claim, {
        status: last ? 'failed' : 'retry',
        error: message,
        nextAttemptAt: new Date(now().getTime() + notificationBackoffMs(claim.attempts)),
        responseStatus: error instanceof ChannelSendError ? error.responseStatus : null,
      });
    }
  }
  return { sent, failed };
}
