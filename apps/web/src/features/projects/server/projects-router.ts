import { z } from 'zod';
import { DomainError } from '@/server/domain-error';
import { organizationProcedure, projectProcedure, protectedProcedure, router } from '@/trpc/init';
import { createOrganizationProject } from './create-organization-project';
import { getMyProject } from './get-my-project';
import { listMyProjects } from './list-my-projects';
import { listOrganizationProjects } from './list-organization-projects';
import { renameProject } from './rename-project';

export const ZProjectName = z.string().trim().min(1, 'Enter a name').max(80);

export const projectsRouter = router({
  list: protectedProcedure.query(({ ctx }) => listMyProjects(ctx.db, ctx.user.id)),
  /** Where this project's spans go, for the set-up snippets. */
  connectionInfo: projectProcedure('viewer')
    .output(z.object({ ingestUrl: z.string(), projectId: z.string(), role: z.string() }))
    .query(({ ctx }) => ({ ingestUrl: process.env.TIERLENS_INGEST_PUBLIC_URL ?? 'http://localhost:4318', projectId: ctx.project.id, role: ctx.role })),
  /** The project with its organization and the caller's role there. */
  get: projectProcedure('viewer').query(async ({ ctx }) => {
    const project = await getMyProject(ctx.db, ctx.user.id, ctx.project.id);
    if (!project) throw new DomainError('not_found', 'No such project.');
    return project;
  }),
  listInOrganization: organizationProcedure('viewer').query(({ ctx }) => listOrganizationProjects(ctx.db, ctx.organization.id)),
  create: organizationProcedure('admin')
    .input(z.object({ name: ZProjectName }))
    .mutation(({ ctx, input }) => createOrganizationProject(ctx.db, { organizationId: ctx.organization.id, name: input.name })),
  rename: projectProcedure('admin')
    .input(z.object({ name: ZProjectName }))
    .mutation(({ ctx, input }) => renameProject(ctx.db, { projectId: ctx.project.id, name: input.name })),
});
