import type { Db } from '../client.ts';
import { Prisma } from '../generated/prisma/client.ts';

/**
 * A delivery this process holds: `attempts` is the claim's fencing token, since every claim
 * increments it, so a process whose claim was taken over cannot record an outcome.
 */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  /** `YYYY-MM-DD`, the report week's first day in the subscriber's time zone. */
  weekStart: string;
  attempts: number;
  /** The claim replaces one whose lease ran out (its process stopped mid-send). */
  tookOver: boolean;
}

type ClaimRow = { id: string; subscription_id: string; week_start: string; attempts: number; took_over: boolean };
const toClaim = (r: ClaimRow): ClaimedDelivery => ({ id: r.id, subscriptionId: r.subscription_id, weekStart: r.week_start, attempts: r.attempts, tookOver: r.took_over });

/**
 * Claims the deliveries of (subscription, week) pairs that have none yet: one INSERT … ON
 * CONFLICT DO NOTHING, so of several processes claiming the same pair exactly one gets it.
 */
export async function claimNewDeliveries(
  db: Db,
  pairs: readonly { subscriptionId: string; weekStart: string }[],
  opts: { now: Date; leaseMs: number; limit: number },
): Promise<ClaimedDelivery[]> {
  if (pairs.length === 0) return [];
  const rows = await db.$queryRaw<ClaimRow[]>`
    INSERT INTO report_deliveries (subscription_id, week_start, status, attempts, claimed_at, next_attempt_at)
    SELECT d.subscription_id, d.week_start, 'claimed', 1, ${opts.now}::timestamptz, ${new Date(opts.now.getTime() + opts.leaseMs)}::timestamptz
    FROM unnest(${pairs.map((p) => p.subscriptionId)}::uuid[], ${pairs.map((p) => p.weekStart)}::date[]) AS d(subscription_id, week_start)
    WHERE NOT EXISTS (SELECT 1 FROM report_deliveries r WHERE r.subscription_id = d.subscription_id AND r.week_start = d.week_start)
    LIMIT ${opts.limit}
    ON CONFLICT (subscription_id, week_start) DO NOTHING
    RETURNING id::text, subscription_id::text, week_start::text, attempts, false AS took_over`;
  return rows.map(toClaim);
}

/**
 * Claims deliveries that are due again: failed sends whose backoff is over, and claims whose
 * lease ran out. A conditional UPDATE over rows locked with SKIP LOCKED, so each is taken by
 * one process; the claim increments `attempts`.
 */
export async function claimDueRetries(
  db: Db,
  opts: { now: Date; leaseMs: number; maxAttempts: number; limit: number; projectIds?: readonly string[] | null },
): Promise<ClaimedDelivery[]> {
  const rows = await db.$queryRaw<ClaimRow[]>`
    UPDATE report_deliveries d
    SET status = 'claimed', attempts = d.attempts + 1, claimed_at = ${opts.now}, next_attempt_at = ${new Date(opts.now.getTime() + opts.leaseMs)}
    FROM (
      SELECT id, status AS previous_status FROM report_deliveries
      WHERE status IN ('claimed', 'retry') AND next_attempt_at <= ${opts.now} AND attempts < ${opts.maxAttempts} ${inProjects(opts.projectIds)}
      ORDER BY next_attempt_at
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE d.id = due.id AND d.status IN ('claimed', 'retry') AND d.next_attempt_at <= ${opts.now}
    RETURNING d.id::text, d.subscription_id::text, d.week_start::text, d.attempts, due.previous_status = 'claimed' AS took_over`;
  return rows.map(toClaim);
}

/** Gives up on claims whose lease ran out on their last allowed attempt. */
export async function failAbandonedClaims(db: Db, opts: { now: Date; maxAttempts: number; projectIds?: readonly string[] | null }): Promise<number> {
  return db.$executeRaw`
    UPDATE report_deliveries SET status = 'failed', next_attempt_at = NULL,
      last_error = 'The process sending the last attempt stopped before recording the outcome; not retried.'
    WHERE status = 'claimed' AND next_attempt_at <= ${opts.now} AND attempts >= ${opts.maxAttempts} ${inProjects(opts.projectIds)}`;
}

/** Limits a statement on report_deliveries to some projects' subscriptions (null: all). */
function inProjects(projectIds: readonly string[] | null | undefined): Prisma.Sql {
  if (!projectIds) return Prisma.empty;
  return Prisma.sql`AND subscription_id IN (SELECT id FROM report_subscriptions WHERE project_id::text = ANY(${[...projectIds]}))`;
}

/** Records a sent email; false when the claim is no longer this process's. */
export async function markDeliverySent(db: Db, claim: ClaimedDelivery, opts: { now: Date; messageId: string }): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE report_deliveries SET status = 'sent', sent_at = ${opts.now}, next_attempt_at = NULL, last_error = NULL, message_id = ${opts.messageId}
    WHERE id = ${claim.id}::uuid AND status = 'claimed' AND attempts = ${claim.attempts}`;
  return n === 1;
}

/** Records a failed attempt: `retry` at `nextAttemptAt`, or `failed` when there is none. */
export async function markDeliveryFailed(db: Db, claim: ClaimedDelivery, opts: { error: string; nextAttemptAt: Date | null }): Promise<boolean> {
  const status = opts.nextAttemptAt ? 'retry' : 'failed';
  const n = await db.$executeRaw`
    UPDATE report_deliveries SET status = ${status}, next_attempt_at = ${opts.nextAttemptAt}, last_error = ${opts.error.slice(0, 2000)}
    WHERE id = ${claim.id}::uuid AND status = 'claimed' AND attempts = ${claim.attempts}`;
  return n === 1;
}

/** Records a delivery that sends nothing (no calls either week, or the subscriber left). */
export async function markDeliverySkipped(db: Db, claim: ClaimedDelivery, reason: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE report_deliveries SET status = 'skipped', next_attempt_at = NULL, last_error = ${reason}
    WHERE id = ${claim.id}::uuid AND status = 'claimed' AND attempts = ${claim.attempts}`;
  return n === 1;
}

/** The subscriber behind each claimed delivery, and whether they may still get it. */
export async function loadDeliveryRecipients(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, DeliveryRecipient>();
  const rows = await db.$queryRaw<Array<{ id: string; user_id: string; email: string; project_id: string; time_zone: string; active: boolean }>>`
    SELECT d.id::text, s.user_id, u.email, s.project_id::text, s.time_zone,
           s.enabled AND EXISTS (SELECT 1 FROM members m WHERE m.organization_id = p.organization_id AND m.user_id = s.user_id) AS active
    FROM report_deliveries d
    JOIN report_subscriptions s ON s.id = d.subscription_id
    JOIN users u ON u.id = s.user_id
    JOIN projects p ON p.id = s.project_id
    WHERE d.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
  return new Map(rows.map((r) => [r.id, { userId: r.user_id, email: r.email, projectId: r.project_id, timeZone: r.time_zone, active: r.active }]));
}

export interface DeliveryRecipient {
  userId: string;
  email: string;
  projectId: string;
  timeZone: string;
  /** Subscribed and still a member of the project's organization. */
  active: boolean;
}
