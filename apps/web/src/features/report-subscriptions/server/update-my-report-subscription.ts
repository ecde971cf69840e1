import type { Db } from '@tierlens/db';
import type { ReportSubscriptionInput } from '../lib/report-subscription-input';

/** Saves the user's own weekly report settings for a project (creating the subscription when there is none). */
export function updateMyReportSubscription(db: Db, input: { userId: string; projectId: string; settings: ReportSubscriptionInput }) {
  return db.reportSubscription.upsert({
    where: { userId_projectId: { userId: input.userId, projectId: input.projectId } },
    create: { userId: input.userId, projectId: input.projectId, ...input.settings },
    update: input.settings,
    select: { enabled: true, dayOfWeek: true, hour: true, timeZone: true },
  });
}
