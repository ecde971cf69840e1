/**
 * One alert scheduler in a process of its own, for the test that two processes notify once:
 * runs `ALERT_TICKS` ticks at the fixed instant `ALERT_NOW` against `DATABASE_URL`, writing
 * emails to `ALERT_OUTBOX`, and prints the ticks' results as JSON.
 */
import { createDb } from '@tierlens/db';
import { createMailer } from '@tierlens/reports';
import { createAlertScheduler } from '../alert-scheduler.ts';

const db = createDb(process.env.DATABASE_URL!, { max: 2 });
const mailer = createMailer({ smtpUrl: null, from: 'Tierlens <alerts@tierlens.local>', outboxDir: process.env.ALERT_OUTBOX! });
const now = new Date(process.env.ALERT_NOW!);
const scheduler = createAlertScheduler({ db, mailer, publicUrl: 'http://localhost:3000', now: () => now });
const results = [];
for (let i = 0; i < Number(process.env.ALERT_TICKS ?? 3); i++) results.push(await scheduler.tick());
console.log(JSON.stringify(results));
await db.$disconnect();
