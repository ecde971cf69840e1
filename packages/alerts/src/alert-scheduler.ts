import { type Db } from '@tierlens/db';
import type { Mailer } from '@tierlens/reports';
import { deliverNotifications } from './deliver-notifications.ts';
import { detectAnomalies } from './detect-anomalies.ts';
import { evaluateBudgets } from './evaluate-budgets.ts';
import { listAllBudgets } from './list-budgets.ts';

export interface AlertSchedulerOptions {
  db: Db;
  mailer: Mailer;
  /** The dashboard's URL, for links in alerts. */
  publicUrl: string;
  intervalMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface AlertTick {
  budgets: number;
  anomalies: { found: number; recorded: number } | null;
  sent: number;
  failed: number;
}

export interface AlertScheduler {
  start(): void;
  stop(): Promise<void>;
  /** One pass: budgets, anomalies once per hour, then due notifications. */
  tick(): Promise<AlertTick>;
}

/**
 * Checks budgets and spend anomalies and sends their notifications, once a minute on an
 * unref'ed timer. Safe to run in every process: each notification is claimed in Postgres.
 * Anomalies are looked for once an hour (a few minutes past it, so late calls are in).
 */
export function createAlertScheduler(options: AlertSchedulerOptions): AlertScheduler {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let lastAnomalyHour = -1;

  async function tick(): Promise<AlertTick> {
    const at = now();
    const budgets = await listAllBudgets(options.db);
    await evaluateBudgets(options.db, { now: at, budgets, notify: { publicUrl: options.publicUrl } });
    let anomalies: AlertTick['anomalies'] = null;
    const hour = Math.floor(at.getTime() / 3_600_000);
    if (hour !== lastAnomalyHour && at.getUTCMinutes() >= 5) {
      anomalies = await detectAnomalies(options.db, { now: at, publicUrl: options.publicUrl });
      lastAnomalyHour = hour;
    }
    const delivered = await deliverNotifications(options.db, { mailer: options.mailer, now, log: options.log });
    return { budgets: budgets.length, anomalies, ...delivered };
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = tick()
          .catch((error) => options.log?.(`alert check failed: ${(error as Error).message}`))
          .finally(() => (running = null));
      }, options.intervalMs ?? 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    tick,
  };
}
