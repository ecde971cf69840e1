import type pg from 'pg';
import { exportTierlensPolicy, ZRoutingRule, type RoutingRule, type TierlensPolicy } from '@tierlens/analyzer';

interface RuleRow {
  id: string;
  query_type: string;
  feature: string | null;
  from_model: string;
  to_model: string;
  mode: string;
  canary_share: number | null;
  evidence: { rule?: Partial<RoutingRule> } | null;
  updated_at: Date;
}

/**
 * The routing policy a project's SDKs apply: its enabled rules whose mode is not `off` (a
 * paused rule is off), oldest first before the policy's own ordering (most specific first).
 * `generatedAt` is the last change to a served rule, so an unchanged policy is byte-identical
 * and its ETag stable. A stored rule that no longer validates is left out rather than failing
 * the project's whole policy.
 */
export async function loadRoutingPolicy(pool: pg.Pool, projectId: string, log: (line: string) => void = () => {}): Promise<TierlensPolicy> {
  const { rows } = await pool.query<RuleRow>(
    `SELECT id, query_type, feature, from_model, to_model, mode, canary_share, evidence, updated_at
       FROM routing_rules
      WHERE project_id = $1 AND enabled AND mode <> 'off' AND paused_at IS NULL
      ORDER BY created_at, id`,
    [projectId],
  );
  const rules: RoutingRule[] = [];
  let latest: Date | undefined;
  for (const row of rows) {
    const parsed = ZRoutingRule.safeParse({
      ...row.evidence?.rule,
      id: row.id,
      queryType: row.query_type,
      feature: row.feature,
      fromModel: row.from_model,
      toModel: row.to_model,
      enabled: true,
      mode: row.mode,
      canaryShare: row.canary_share,
      evidence: row.evidence?.rule?.evidence ?? null,
    });
    if (!parsed.success) {
      log(`ingest: routing rule ${row.id} left out of the policy: ${parsed.error.message}`);
      continue;
    }
    rules.push(parsed.data);
    if (!latest || row.updated_at > latest) latest = row.updated_at;
  }
  return exportTierlensPolicy(rules, { generatedAt: latest });
}
