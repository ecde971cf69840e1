import type { Db, Prisma } from '@tierlens/db';
import { toRole } from '@/lib/roles';

const memberListSelect = {
  id: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.MemberSelect;

/** The organization's members, owners first, then by when they joined. */
export async function listMembers(db: Db, organizationId: string) {
  const rows = await db.member.findMany({ where: { organizationId }, select: memberListSelect, orderBy: { createdAt: 'asc' } });
  const order = { owner: 0, admin: 1, member: 2, viewer: 3 } as const;
  return rows
    .map((m) => ({ id: m.id, role: toRole(m.role), joinedAt: m.createdAt, userId: m.user.id, name: m.user.name, email: m.user.email }))
    .sort((a, b) => order[a.role] - order[b.role]);
}
