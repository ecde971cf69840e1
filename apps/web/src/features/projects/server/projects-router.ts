import { z } from 'zod';
import { projectProcedure, protectedProcedure, router } from '@/trpc/init';
import { listMyProjects } from './list-my-projects';

export const projectsRouter = router({
  list: protectedProcedure.query(({ ctx }) => listMyProjects(ctx.db, ctx.user.id)),
  /** Where this project's spans go, for the set-up snippets. */
  connectionInfo: projectProcedure('viewer')
    .output(z.object({ ingestUrl: z.string(), projectId: z.string(), role: z.string() }))
    .query(({ ctx }) => ({ ingestUrl: process.env.TIERLENS_INGEST_PUBLIC_URL ?? 'http://localhost:4318', projectId: ctx.project.id, role: ctx.role })),
});
