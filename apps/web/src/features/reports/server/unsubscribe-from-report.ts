import { findMemberProject, type Db } from '@tierlens/db';
import type { UnsubscribeTarget } from '@tierlens/reports';

/**
 * Turns a user's weekly report of a project off. A member without a subscription row gets a
 * disabled one, so that default subscriptions created later leave them off. Returns the
 * project's name, or null when the user is no longer a member of its organization.
 */
export async function unsubscribeFromReport(db: Db, target: UnsubscribeTarget): Promise<{ projectName: string } | null> {
  const project = await findMemberProject(db, target);
  if (!project) {
    // Not a member any more: nothing is sent to them, but an old row is still switched off.
    await db.reportSubscription.updateMany({ where: { userId: target.userId, projectId: target.projectId }, data: { enabled: false } });
    return null;
  }
  await db.reportSubscription.upsert({
    where: { userId_projectId: target },
    create: { ...target, enabled: false },
    update: { enabled: false },
    select: { id: true },
  });
  return { projectName: project.name };
}
