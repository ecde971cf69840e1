import type { Role } from '@tierlens/db';

/** The member roles, most privileged first (the same list as `ROLES` in @tierlens/db, without importing Prisma into the browser). */
export const ROLE_NAMES = ['owner', 'admin', 'member', 'viewer'] as const satisfies readonly Role[];

const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** Whether `role` grants at least what `minRole` grants. */
export function roleAtLeast(role: Role, minRole: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minRole];
}

/** Reads a role column; unknown values are treated as the least privileged role. */
export function toRole(value: string | null | undefined): Role {
  return (ROLE_NAMES as readonly string[]).includes(value ?? '') ? (value as Role) : 'viewer';
}

/** Why a control is disabled for `role`, or null when the role may use it. */
export function roleReason(role: Role, minRole: Role): string | null {
  return roleAtLeast(role, minRole) ? null : `Needs the ${minRole} role; you are ${role}.`;
}
