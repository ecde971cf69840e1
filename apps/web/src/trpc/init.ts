import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import { findMemberProject, findMembership, type Db, type Role } from '@tierlens/db';
import { roleAtLeast, toRole } from '@/lib/roles';
import { DomainError, domainErrorCode } from '@/server/domain-error';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** What every procedure sees. Tests build it directly with a real database and a user. */
export interface InnerContext {
  db: Db;
  user: SessionUser | null;
}

export function createInnerContext(ctx: InnerContext): InnerContext {
  return ctx;
}

const t = initTRPC.context<InnerContext>().create({
  transformer: superjson,
  errorFormatter({ shape }) {
    return shape;
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps the services' typed domain errors to tRPC codes, in one place. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: domainErrorCode(cause), message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/** Requires a signed-in user. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const ZProjectInput = z.object({ projectId: z.string().uuid() });


/**
 * Requires membership of the organization that owns `input.projectId`, with at least `minRole`.
 * Tenancy lives here and only here: a procedure built on it cannot see another organization's
 * project, and answers NOT_FOUND (not FORBIDDEN) so that ids of other tenants are not confirmed.
 */
export function projectProcedure(minRole: Role = 'viewer') {
  return protectedProcedure.input(ZProjectInput).use(async ({ ctx, input, next }) => {
    const project = await findMemberProject(ctx.db, { userId: ctx.user.id, projectId: input.projectId });
    if (!project) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such project.' });
    const role = toRole(project.role);
    if (!roleAtLeast(role, minRole)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${minRole} role; you are ${role}.` });
    }
    return next({ ctx: { ...ctx, project: { id: project.id, name: project.name, organizationId: project.organizationId }, role } });
  });
}

export const ZOrganizationInput = z.object({ organizationId: z.string().min(1).max(100) });

/**
 * Requires membership of `input.organizationId`, with at least `minRole`; the organization-level
 * twin of {@link projectProcedure}, with the same NOT_FOUND for organizations the user is not in.
 */
export function organizationProcedure(minRole: Role = 'viewer') {
  return protectedProcedure.input(ZOrganizationInput).use(async ({ ctx, input, next }) => {
    const member = await findMembership(ctx.db, { userId: ctx.user.id, organizationId: input.organizationId });
    if (!member) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such organization.' });
    const role = toRole(member.role);
    if (!roleAtLeast(role, minRole)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${minRole} role; you are ${role}.` });
    }
    return next({ ctx: { ...ctx, organization: member.organization, role, memberId: member.id } });
  });
}
