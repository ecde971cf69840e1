import { marginFromQualityDelta, ruleOutcome, type RuleGroupSums, type RuleOutcome } from '@tierlens/analyzer';
import { Prisma, type Db } from '@tierlens/db';
import { z } from 'zod';

/** A rule's mode and pause state with what its tagged calls show over a range. */
export interface RuleOutcomeRow {
  ruleId: string;
  mode: 'off' | 'shadow' | 'canary' | 'enforce';
  canaryShare: number | null;
  pausedAt: Date | null;
  pauseReason: string | null;
  outcome: RuleOutcome;
}

/** The parts of a rule's stored evidence (`{ rule, finding }`) the outcome needs; anything else is ignored. */
const ZStoredEvidence = z.object({
  rule: z.object({ evidence: z.object({ quality: z.object({ deltaPoints: z.object({ low: z.number() }) }) }).nullable().optional() }).optional(),
  finding: z
    .object({
      monthlySavingUsd: z.object({ point: z.string() }),
      affected: z.object({ monthlyCalls: z.number() }),
    })
    .optional(),
});

interface SumRow {
  rule_id: string;
  grp: 'routed' | 'control' | 'shadow';
  calls: bigint;
  priced_calls: bigint;
  cost_usd: string | null;
  error_calls: bigint;
  truncated_calls: bigint;
  duration_ms_sum: number;
  duration_ms_squares_sum: number;
}

const EMPTY: RuleGroupSums = { calls: 0, pricedCalls: 0, costUsd: 0, errorCalls: 0, truncatedCalls: 0, durationMsSum: 0, durationMsSquaresSum: 0 };

/**
 * Every rule of a project (oldest first) with its outcome over `[from, to)`: its calls summed in
 * the database per group (routed: rewritten by the rule; control: a canary's control call; shadow:
 * matched and left alone), then measured by the analyzer's `ruleOutcome` against the prediction
 * and quality margin of the finding the rule came from.
 */
export async function loadRuleOutcomes(db: Db, projectId: string, range: { from: Date; to: Date }, ruleIds?: readonly string[]): Promise<RuleOutcomeRow[]> {
  const rules = await db.routingRule.findMany({
    where: { projectId, ...(ruleIds ? { id: { in: [...ruleIds] } } : {}) },
    select: { id: true, mode: true, canaryShare: true, pausedAt: true, pauseReason: true, evidence: true },
    orderBy: { createdAt: 'asc' },
  });
  if (rules.length === 0) return [];
  const sums = await db.$queryRaw<SumRow[]>(Prisma.sql`
    SELECT routing_rule_id AS rule_id,
           CASE WHEN routing_original_model IS NOT NULL THEN 'routed' WHEN routing_control THEN 'control' ELSE 'shadow' END AS grp,
           count(*)::bigint AS calls, count(cost_usd)::bigint AS priced_calls, sum(cost_usd)::text AS cost_usd,
           count(*) FILTER (WHERE status = 'error')::bigint AS error_calls,
           count(*) FILTER (WHERE 'length' = ANY(finish_reasons) OR 'max_tokens' = ANY(finish_reasons))::bigint AS truncated_calls,
           coalesce(sum(duration_ms), 0)::float8 AS duration_ms_sum, coalesce(sum(duration_ms * duration_ms), 0)::float8 AS duration_ms_squares_sum
      FROM llm_calls
     WHERE project_id = ${projectId}::uuid AND routing_rule_id = ANY(${rules.map((r) => r.id)}::text[])
       AND start_time >= ${range.from} AND start_time < ${range.to}
     GROUP BY 1, 2`);
  const byRule = new Map<string, Record<SumRow['grp'], RuleGroupSums>>();
  for (const s of sums) {
    const groups = byRule.get(s.rule_id) ?? { routed: EMPTY, control: EMPTY, shadow: EMPTY };
    groups[s.grp] = {
      calls: Number(s.calls),
      pricedCalls: Number(s.priced_calls),
      costUsd: Number(s.cost_usd ?? 0),
      errorCalls: Number(s.error_calls),
      truncatedCalls: Number(s.truncated_calls),
      durationMsSum: s.duration_ms_sum,
      durationMsSquaresSum: s.duration_ms_squares_sum,
    };
    byRule.set(s.rule_id, groups);
  }
  return rules.map((rule) => {
    const evidence = ZStoredEvidence.safeParse(rule.evidence);
    const stored = evidence.success ? evidence.data : {};
    const monthlyCalls = stored.finding?.affected.monthlyCalls ?? 0;
    const predictedPerCall = stored.finding && monthlyCalls > 0 ? Number(stored.finding.monthlySavingUsd.point) / monthlyCalls : null;
    return {
      ruleId: rule.id,
      mode: rule.mode as RuleOutcomeRow['mode'],
      canaryShare: rule.canaryShare,
      pausedAt: rule.pausedAt,
      pauseReason: rule.pauseReason,
      outcome: ruleOutcome({
        sums: byRule.get(rule.id) ?? { routed: EMPTY, control: EMPTY, shadow: EMPTY },
        predictedSavingPerCallUsd: predictedPerCall !== null && Number.isFinite(predictedPerCall) ? predictedPerCall : null,
        margin: marginFromQualityDelta(stored.rule?.evidence?.quality.deltaPoints),
      }),
    };
  });
}
