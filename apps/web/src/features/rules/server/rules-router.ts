import { z } from 'zod';
import { rangeOf, ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';
import { exportRules, ZRuleExportFormat } from './export-rules';
import { ZRuleModeSetting } from '../lib/rule-mode-steps';
import { createRuleFromFinding, deleteRule, listRules, setRuleEnabled, setRuleMode } from './rule-services';
import { rulesOutcomes } from './rules-outcomes';
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
  /** How the SDK applies the rule: off, shadow, canary (with its share) or enforce. */
  setMode: projectProcedure('member')
    .input(ZRuleId.extend({ setting: ZRuleModeSetting }))
    .mutation(({ ctx, input }) => setRuleMode(ctx.db, ctx.project.id, input.ruleId, input.setting)),
  /** What each rule did over a range (default: the last 30 days): calls, realized vs predicted saving, quality routed vs baseline. */
  outcomes: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange.optional() }))
    .query(({ ctx, input }) => rulesOutcomes(ctx.db, ctx.project.id, input.range ?? rangeOf('30d'))),
  delete: projectProcedure('member').input(ZRuleId).mutation(({ ctx, input }) => deleteRule(ctx.db, ctx.project.id, input.ruleId)),
  /** The enabled rules replayed over a past range (default: the last 30 days). */
  whatIf: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange.optional() }))
    .query(({ ctx, input }) => rulesWhatIf(ctx.db, ctx.project, input.range ?? rangeOf('30d'))),
  export: projectProcedure('viewer')
    .input(z.object({ format: ZRuleExportFormat }))
    .query(({ ctx, input }) => exportRules(ctx.db, ctx.project.id, input.format, new Date())),
});
