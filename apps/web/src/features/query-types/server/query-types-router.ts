import { buildQueryTypeMatrix, ZCorrectionTarget, ZQueryType } from '@tierlens/analyzer';
import { z } from 'zod';
import { exportLabelledCalls, listPromptTemplates, listQueryTypeCorrections, loadRollupRows } from '@tierlens/db';
import { loadOrganizationCatalog } from '@tierlens/db/advice';
import { ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';
import { correctQueryType, undoCorrection } from './correct-query-type';

export const queryTypesRouter = router({
  /** Spend and calls per query type with the models used for each, and each model's tier in the organization's catalog. */
  matrix: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(async ({ ctx, input }) => {
      const [rows, catalog] = await Promise.all([
        loadRollupRows(ctx.db, ctx.project.id, input.range, { bucket: 'range', groupBy: ['queryType', 'provider', 'model'] }),
        loadOrganizationCatalog(ctx.db, ctx.project.organizationId),
      ]);
      return buildQueryTypeMatrix(rows, catalog);
    }),

  /** The prompt templates with calls in the range: calls, majority type, confidence, an example. */
  templates: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(({ ctx, input }) => listPromptTemplates(ctx.db, ctx.project.id, input.range)),

  /** People's corrections of the project, newest first, undone ones included. */
  corrections: projectProcedure('viewer').query(({ ctx }) => listQueryTypeCorrections(ctx.db, ctx.project.id)),

  /** Sets the query type of a feature, a template or one call: stored calls and their rollups are re-typed now, new calls at ingest. */
  correct: projectProcedure('member')
    .input(z.object({ target: ZCorrectionTarget, queryType: ZQueryType }))
    .mutation(({ ctx, input }) => correctQueryType(ctx.db, { projectId: ctx.project.id, userId: ctx.user.id, target: input.target, queryType: input.queryType })),

  /** Undoes a correction: the calls it named go back to what they would be without it. */
  undoCorrection: projectProcedure('member')
    .input(z.object({ correctionId: z.string().uuid() }))
    .mutation(({ ctx, input }) => undoCorrection(ctx.db, { projectId: ctx.project.id, userId: ctx.user.id, correctionId: input.correctionId })),

  /** The people-labelled calls as JSONL `{id, prompt, queryType}`: the project's own training data. */
  exportLabelled: projectProcedure('member').query(async ({ ctx }) => ({ jsonl: await exportLabelledCalls(ctx.db, ctx.project.id) })),
});
