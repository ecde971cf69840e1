import type { Db, Role } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';
import { lockOrganizationAndCountOwners } from './lock-organization';

/**
 * Gives a member another role. Admins manage admins, members and viewers; only owners make
 * someone an owner or change an owner's role; the last owner keeps the role.
 */
export async function changeMemberRole(
  db: Db,
  input: { organizationId: string; actorRole: Role; memberId: string; role: Role },
): Promise<{ id: string; role: Role }> {
  return db.$transaction(async (tx) => {
    const owners = await lockOrganizationAndCountOwners(tx, input.organizationId);
    const member = await tx.member.findFirst({ where: { id: input.memberId, organizationId: input.organizationId }, select: { id: true, role: true } });
    if (!member) throw new DomainError('not_found', 'No such member in this organization.');
    if ((member.role === 'owner' || input.role === 'owner') && input.actorRole !== 'owner') {
      throw new DomainError('forbidden', 'Only owners can make someone an owner or change an owner’s role.');
    }
    if (member.role === 'owner' && input.role !== 'owner' && owners <= 1) {
      throw new DomainError('conflict', 'The last owner cannot be demoted: make someone else an owner first.');
    }
    await tx.member.update({ where: { id: member.id }, data: { role: input.role }, select: { id: true } });
    return { id: member.id, role: input.role };
  });
}
