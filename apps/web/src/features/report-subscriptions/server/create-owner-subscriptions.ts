import type { Prisma } from '@tierlens/db';

/**
 * Turns the weekly report on for the organization's owners (all of them, or `userId` only) on
 * its projects (all of them, or `projectId` only), at the default day and hour in each owner's
 * time zone. Existing subscriptions, including ones an owner switched off, are left alone.
 */
export async function createOwnerSubscriptions(
  tx: Prisma.TransactionClient,
  input: { organizationId: string; projectId?: string; userId?: string },
): Promise<number> {
  const [owners, projects] = await Promise.all([
    tx.member.findMany({
      where: { organizationId: input.organizationId, role: 'owner', ...(input.userId ? { userId: input.userId } : {}) },
      select: { user: { select: { id: true, timeZone: true } } },
    }),
    tx.project.findMany({
      where: { organizationId: input.organizationId, ...(input.projectId ? { id: input.projectId } : {}) },
      select: { id: true },
    }),
  ]);
  const data = owners.flatMap((o) => projects.map((p) => ({ userId: o.user.id, projectId: p.id, timeZone: o.user.timeZone })));
  if (data.length === 0) return 0;
  const { count } = await tx.reportSubscription.createMany({ data, skipDuplicates: true });
  return count;
}
