import type { Db, Prisma } from '@tierlens/db';

const subscriptionSelect = { enabled: true, dayOfWeek: true, hour: true, timeZone: true } satisfies Prisma.ReportSubscriptionSelect;

/**
 * The user's weekly report settings for a project. Without a stored subscription the report is
 * off, with the defaults (Monday, 09:00, in the user's time zone) ready to switch on.
 */
export async function getMyReportSubscription(db: Db, input: { userId: string; projectId: string }) {
  const row = await db.reportSubscription.findUnique({ where: { userId_projectId: input }, select: subscriptionSelect });
  if (row) return { ...row, stored: true };
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { timeZone: true } });
  return { enabled: false, dayOfWeek: 1, hour: 9, timeZone: user?.timeZone ?? 'UTC', stored: false };
}
