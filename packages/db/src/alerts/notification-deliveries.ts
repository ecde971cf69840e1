import type { Db } from '../client.ts';

/** What a notification is about; channels subscribe to kinds. */
export type NotificationKind = 'budget' | 'anomaly';

/**
 * Queues one event for every enabled channel of the organization that takes its kind. The insert
 * is the claim: (channel, event key) is unique, so when several schedulers see the same threshold
 * crossed, each channel gets one delivery. Returns how many deliveries were new.
 */
export async function enqueueNotification(
  db: Pick<Db, '$queryRaw'>,
  input: { organizationId: string; kind: NotificationKind; eventKey: string; event: unknown },
): Promise<number> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO notification_deliveries (channel_id, event_key, event)
    SELECT c.id, ${input.eventKey}, ${JSON.stringify(input.event)}::jsonb
    FROM notification_channels c
    WHERE c.organization_id = ${input.organizationId} AND c.enabled AND ${input.kind} = ANY(c.events)
    ON CONFLICT (channel_id, event_key) DO NOTHING
    RETURNING id::text`;
  return rows.length;
}

/** A delivery this process holds. `attempts` fences it: a claim taken over cannot record an outcome. */
export interface ClaimedNotification {
  id: string;
  eventKey: string;
  event: unknown;
  attempts: number;
  channel: { id: string; organizationId: string; kind: 'email' | 'slack' | 'webhook'; name: string; target: string; secret: string | null };
}

type ClaimRow = {
  id: string; event_key: string; event: unknown; attempts: number;
  channel_id: string; organization_id: string; kind: 'email' | 'slack' | 'webhook'; name: string; target: string; secret: string | null;
};

/**
 * Claims deliveries that are due: new ones, failed ones whose backoff is over, and claims whose
 * lease ran out (their process stopped mid-send). Rows are locked with SKIP LOCKED, so two
 * processes never claim the same one; each claim increments `attempts`.
 */
export async function claimDueNotifications(
  db: Pick<Db, '$queryRaw'>,
  opts: { now: Date; leaseMs: number; maxAttempts: number; limit: number },
): Promise<ClaimedNotification[]> {
  const rows = await db.$queryRaw<ClaimRow[]>`
    WITH due AS (
      SELECT id FROM notification_deliveries
      WHERE status IN ('pending', 'retry', 'claimed') AND next_attempt_at <= ${opts.now} AND attempts < ${opts.maxAttempts}
      ORDER BY next_attempt_at
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE notification_deliveries d
      SET status = 'claimed', attempts = d.attempts + 1, next_attempt_at = ${new Date(opts.now.getTime() + opts.leaseMs)}
      FROM due WHERE d.id = due.id
      RETURNING d.id, d.event_key, d.event, d.attempts, d.channel_id
    )
    SELECT claimed.id::text, claimed.event_key, claimed.event, claimed.attempts, c.id::text AS channel_id, c.organization_id, c.kind, c.name, c.target, c.secret
    FROM claimed JOIN notification_channels c ON c.id = claimed.channel_id`;
  return rows.map((r) => ({
    id: r.id,
    eventKey: r.event_key,
    event: r.event,
    attempts: r.attempts,
    channel: { id: r.channel_id, organizationId: r.organization_id, kind: r.kind, name: r.name, target: r.target, secret: r.secret },
  }));
}

/** Records a send's outcome, unless the claim was taken over meanwhile. Returns whether it was recorded. */
export async function recordNotificationOutcome(
  db: Pick<Db, '$executeRaw'>,
  claim: Pick<ClaimedNotification, 'id' | 'attempts'>,
  outcome:
    | { status: 'sent'; at: Date; responseStatus: number | null }
    | { status: 'retry' | 'failed'; error: string; nextAttemptAt: Date; responseStatus: number | null },
): Promise<boolean> {
  const n = outcome.status === 'sent'
    ? await db.$executeRaw`
        UPDATE notification_deliveries SET status = 'sent', sent_at = ${outcome.at}, last_error = NULL, response_status = ${outcome.responseStatus}
        WHERE id = ${claim.id}::uuid AND attempts = ${claim.attempts} AND status = 'claimed'`
    : await db.$executeRaw`
        UPDATE notification_deliveries SET status = ${outcome.status}, last_error = ${outcome.error.slice(0, 1000)}, next_attempt_at = ${outcome.nextAttemptAt}, response_status = ${outcome.responseStatus}
        WHERE id = ${claim.id}::uuid AND attempts = ${claim.attempts} AND status = 'claimed'`;
  return n === 1;
}
