import { type Db, claimDueRetries, claimNewDeliveries, failAbandonedClaims, loadDeliveryRecipients, markDeliveryFailed, markDeliverySent, markDeliverySkipped, type ClaimedDelivery, type DeliveryRecipient } from '@tierlens/db';
import { listDueReports } from './list-due-reports.ts';
import type { Mailer } from './mailer.ts';
import { deliveryOutboxName } from './outbox.ts';
import { reportWeek } from './report-week.ts';
import { sendWeeklyReport } from './send-weekly-report.ts';

export interface ReportSchedulerOptions {
  db: Db;
  mailer: Mailer;
  /** Signs the unsubscribe links. */
  secret: string;
  /** The dashboard's public URL, for links. */
  dashboardUrl: string;
  /** How long a claim is held before another process may take it over (default 10 minutes). */
  leaseMs?: number;
  /** Attempts per delivery before it is marked failed (default 5). */
  maxAttempts?: number;
  /** Backoff after the first failure, doubled after each (default 1 minute, at most `maxBackoffMs`, 1 hour). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How late a missed report is still sent (default 48 hours). */
  catchUpMs?: number;
  /** Only these projects' subscriptions (default: all). For splitting the work, and for tests sharing a database. */
  projectIds?: readonly string[] | null;
  /** Deliveries claimed per tick (default 25). */
  batchSize?: number;
  /** 0..1, for the backoff's jitter (default Math.random). */
  random?: () => number;
  log?: (line: string) => void;
}

export interface TickResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

export interface ReportScheduler {
  /** One pass at `now`: claim what is due, send it, record the outcomes. Safe to run in any number of processes at once. */
  tick(now?: Date): Promise<TickResult>;
  /** Ticks every `intervalMs` (default a minute) on an unref'ed timer. */
  start(intervalMs?: number): void;
  /** Stops ticking and waits for a running tick. */
  stop(): Promise<void>;
}

/**
 * The weekly report scheduler. Each subscriber gets each week's report once, whatever the
 * number of processes or restarts: a send is claimed in Postgres first (a row per
 * subscription and week, inserted with ON CONFLICT DO NOTHING), then sent, then marked sent.
 * Failed sends are retried with exponential backoff; a claim whose process died is taken over
 * when its lease runs out. See the README's "Weekly reports" for the one window where an email
 * can go out twice.
 */
export function createReportScheduler(options: ReportSchedulerOptions): ReportScheduler {
  const o = {
    leaseMs: 10 * 60_000,
    maxAttempts: 5,
    backoffMs: 60_000,
    maxBackoffMs: 3_600_000,
    catchUpMs: 48 * 3_600_000,
    batchSize: 25,
    random: Math.random,
    log: (line: string) => console.error(`[reports] ${line}`),
    ...options,
  };
  const host = safeHost(o.dashboardUrl);

  async function deliver(claim: ClaimedDelivery, recipient: DeliveryRecipient | undefined, now: Date, result: TickResult): Promise<void> {
    if (!recipient?.active) {
      await markDeliverySkipped(o.db, claim, 'The subscription was turned off or the subscriber left the organization.');
      result.skipped++;
      return;
    }
    const messageId = `<report-${claim.id}@${host}>`;
    let outcome;
    try {
      outcome = await sendWeeklyReport(o, {
        userId: recipient.userId,
        to: recipient.email,
        projectId: recipient.projectId,
        week: reportWeek(claim.weekStart, recipient.timeZone),
        messageId,
        outboxName: deliveryOutboxName(recipient.projectId, claim.weekStart, claim.id),
        skipEmpty: true,
      });
    } catch (err) {
      const retry = claim.attempts < o.maxAttempts;
      const delay = Math.min(o.maxBackoffMs, o.backoffMs * 2 ** (claim.attempts - 1)) * (1 + 0.2 * o.random());
      await markDeliveryFailed(o.db, claim, { error: errorText(err), nextAttemptAt: retry ? new Date(now.getTime() + delay) : null });
      o.log(`weekly report ${claim.id} to ${recipient.email}: attempt ${claim.attempts} failed (${errorText(err)})${retry ? '; will retry' : '; giving up'}`);
      if (retry) result.retrying++;
      else result.failed++;
      return;
    }
    if (outcome.status === 'empty') {
      await markDeliverySkipped(o.db, claim, 'No calls this week or last week.');
      result.skipped++;
      return;
    }
    // The email is out: record it, retrying the update rather than letting the claim lapse,
    // since a lapsed claim would send the email again.
    await withRetries(() => markDeliverySent(o.db, claim, { now, messageId }), o.log);
    result.sent++;
  }

  async function tick(now: Date = new Date()): Promise<TickResult> {
    const result: TickResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
    const scope = o.projectIds ?? null;
    result.failed += await failAbandonedClaims(o.db, { now, maxAttempts: o.maxAttempts, projectIds: scope });
    const due = await listDueReports(o.db, now, { catchUpMs: o.catchUpMs, projectIds: scope, log: o.log });
    const claims = [
      ...(await claimDueRetries(o.db, { now, leaseMs: o.leaseMs, maxAttempts: o.maxAttempts, limit: o.batchSize, projectIds: scope })),
      ...(await claimNewDeliveries(o.db, due, { now, leaseMs: o.leaseMs, limit: o.batchSize })),
    ];
    result.claimed = claims.length;
    const recipients = await loadDeliveryRecipients(o.db, claims.map((c) => c.id));
    for (const claim of claims) {
      if (claim.tookOver) o.log(`weekly report ${claim.id}: the claim's lease ran out; attempt ${claim.attempts}`);
      await deliver(claim, recipients.get(claim.id), now, result);
    }
    return result;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const runOnce = () => {
    if (running) return;
    running = tick()
      .catch((err) => o.log(`tick failed: ${errorText(err)}`))
      .finally(() => {
        running = null;
      });
  };

  return {
    tick,
    start(intervalMs = 60_000) {
      if (timer) return;
      timer = setInterval(runOnce, intervalMs);
      timer.unref();
      setTimeout(runOnce, Math.min(intervalMs, 5_000)).unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

async function withRetries(fn: () => Promise<boolean>, log: (line: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await fn())) log('a sent report’s claim was taken over before it was recorded (the send outlasted the lease)');
      return;
    } catch (err) {
      if (attempt >= 5) {
        log(`could not record a sent report: ${errorText(err)}; it may be sent again when its lease runs out`);
        return;
      }
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname || 'tierlens.local';
  } catch {
    return 'tierlens.local';
  }
}
