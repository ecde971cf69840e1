import { parseRoutingRules, ruleFrom, ZRoutingRule, type RoutingRule } from '@tierlens/analyzer';
import type { Db, Prisma } from '@tierlens/db';
import type { TimeRange } from '@/lib/time-range';
import { getFindings } from '@/features/savings/server';
import { DomainError } from '@/server/domain-error';
import type { RuleModeSetting } from '../lib/rule-mode-steps';

const ruleSelect = {
  id: true,
  queryType: true,
  feature: true,
  fromModel: true,
  toModel: true,
  enabled: true,
  mode: true,
  canaryShare: true,
  pausedAt: true,
  pauseReason: true,
  evidence: true,
  createdAt: true,
} satisfies Prisma.RoutingRuleSelect;
type RuleRow = Prisma.RoutingRuleGetPayload<{ select: typeof ruleSelect }>;

/** A stored rule as the analyzer's rule: the row's columns, plus what the row keeps in `evidence`. */
function toAnalyzerRule(row: RuleRow): RoutingRule {
  const stored = (row.evidence ?? {}) as { rule?: Partial<RoutingRule> };
  return ZRoutingRule.parse({
    ...stored.rule,
    id: row.id,
    queryType: row.queryType,
    feature: row.feature,
    fromModel: row.fromModel,
    toModel: row.toModel,
    enabled: row.enabled,
    mode: row.mode,
    canaryShare: row.canaryShare,
  });
}

/** The project's rules, newest first, with the evidence each was created from. */
export async function listRules(db: Db, projectId: string) {
  const rows = await db.routingRule.findMany({ where: { projectId }, select: ruleSelect, orderBy: { createdAt: 'desc' } });
  return rows.map((r) => ({ ...toAnalyzerRule(r), createdAt: r.createdAt, pausedAt: r.pausedAt, pauseReason: r.pauseReason }));
}

/** The enabled rules of a project, ready for the analyzer. */
export async function loadEnabledRules(db: Db, projectId: string): Promise<RoutingRule[]> {
  const rows = await db.routingRule.findMany({ where: { projectId, enabled: true }, select: ruleSelect, orderBy: { createdAt: 'asc' } });
  return parseRoutingRules(rows.map(toAnalyzerRule));
}

/**
 * Turns a finding into a rule. The finding is recomputed on the server from the same range, so
 * the evidence stored with the rule is the analyzer's, not what a client sent.
 */
export async function createRuleFromFinding(
  db: Db,
  project: { id: string; organizationId: string },
  userId: string,
  input: { findingId: string; range: TimeRange },
) {
  const { findings } = await getFindings(db, project, input.range);
  const finding = findings.find((f) => f.id === input.findingId);
  if (!finding) throw new DomainError('not_found', 'That finding is no longer there for this range; refresh the Savings page.');
  const rule = ruleFrom(finding);
  const existing = await db.routingRule.findFirst({
    where: { projectId: project.id, queryType: rule.queryType, feature: rule.feature, fromModel: rule.fromModel },
    select: { id: true },
  });
  if (existing) throw new DomainError('conflict', 'A rule for this query type, feature and model already exists.');
  const { id: _ignored, ...stored } = rule;
  const row = await db.routingRule.create({
    data: {
      projectId: project.id,
      queryType: rule.queryType,
      feature: rule.feature,
      fromModel: rule.fromModel,
      toModel: rule.toModel,
      enabled: true,
      createdById: userId,
      evidence: JSON.parse(JSON.stringify({ rule: stored, finding })) as Prisma.InputJsonValue,
    },
    select: ruleSelect,
  });
  return toAnalyzerRule(row);
}

export async function setRuleEnabled(db: Db, projectId: string, ruleId: string, enabled: boolean): Promise<void> {
  const { count } = await db.routingRule.updateMany({ where: { id: ruleId, projectId }, data: { enabled } });
  if (!count) throw new DomainError('not_found', 'No such rule in this project.');
}

/**
 * Sets how the SDK applies a rule (off, shadow, canary with a share, enforce). Choosing a mode is
 * the owner's decision after a pause, so it clears the pause; the ingest serves the change at the
 * SDKs' next refresh.
 */
export async function setRuleMode(db: Db, projectId: string, ruleId: string, setting: RuleModeSetting): Promise<void> {
  const { count } = await db.routingRule.updateMany({
    where: { id: ruleId, projectId },
    data: { mode: setting.mode, canaryShare: setting.mode === 'canary' ? setting.canaryShare : null, pausedAt: null, pauseReason: null },
  });
  if (!count) throw new DomainError('not_found', 'No such rule in this project.');
}

export async function deleteRule(db: Db, projectId: string, ruleId: string): Promise<void> {
  const { count } = await db.routingRule.deleteMany({ where: { id: ruleId, projectId } });
  if (!count) throw new DomainError('not_found', 'No such rule in this project.');
}
