import { z } from 'zod';
import { rangeOf, ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';
import { exportRules, ZRuleExportFormat } from './export-rules';
import { createRuleFromFinding, deleteRule, listRules, setRuleEnabled } from './rule-services';
import { rulesWhatIf } from './rules-what-if';

const ZRuleId = z.object({ ruleId: z.string().uuid() });

export const rulesRouter = router({
  list: projectProcedure('viewer').query(({ ctx }) => listRules(ctx.db, ctx.project.id)),
  createFromFinding: projectProcedure('member')
    .input(z.object({ findingId: z.string().min(1).max(500), range: ZTimeRange }))
    .mutation(({ ctx, input }) => createRuleFromFinding(ctx.db, ctx.project, ctx.user.id, input)),
  setEnabled: projectProcedure('member')
    .input(ZRuleId.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setRuleEnabled(ctx.db, ctx.project.id, input.ruleId, input.enabled)),
  delete: projectProcedure('member').input(ZRuleId).mutation(({ ctx, input }) => deleteRule(ctx.db, ctx.project.id, input.ruleId)),
  /** The enabled rules replayed over a past range (default: the last 30 days). */
  whatIf: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange.optional() }))
    .query(({ ctx, input }) => rulesWhatIf(ctx.db, ctx.project, input.range ?? rangeOf('30d'))),
  export: projectProcedure('viewer')
    .input(z.object({ format: ZRuleExportFormat }))
    .query(({ ctx, input }) => exportRules(ctx.db, ctx.project.id, input.format, new Date())),
});
