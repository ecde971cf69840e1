import type { Db } from '../client.ts';

/** Hourly spend of one project × query type × model. */
export interface ProjectSpendSeries {
  projectId: string;
  organizationId: string;
  queryType: string;
  model: string;
  points: Array<{ hour: Date; costUsd: number }>;
}

/**
 * The hourly spend, from `historyFrom` to `to`, of every project × query type × model that spent
 * anything in `[activeFrom, to)`: the series an anomaly detector needs, and no others.
 */
export async function loadActiveSpendSeries(
  db: Pick<Db, '$queryRaw'>,
  range: { historyFrom: Date; activeFrom: Date; to: Date },
): Promise<ProjectSpendSeries[]> {
  const rows = await db.$queryRaw<Array<{ project_id: string; organization_id: string; query_type: string; model: string; hour: Date; cost: string }>>`
    WITH active AS (
      SELECT DISTINCT project_id, query_type, model FROM call_rollups_hourly
      WHERE hour >= ${range.activeFrom} AND hour < ${range.to} AND cost_usd > 0
    )
    SELECT r.project_id::text, p.organization_id, r.query_type, r.model, r.hour, sum(r.cost_usd)::text AS cost
    FROM call_rollups_hourly r
    JOIN active a ON a.project_id = r.project_id AND a.query_type = r.query_type AND a.model = r.model
    JOIN projects p ON p.id = r.project_id
    WHERE r.hour >= ${range.historyFrom} AND r.hour < ${range.to}
    GROUP BY r.project_id, p.organization_id, r.query_type, r.model, r.hour
    ORDER BY r.project_id, r.query_type, r.model, r.hour`;
  const series = new Map<string, ProjectSpendSeries>();
  for (const r of rows) {
    const key = `${r.project_id}\u0000${r.query_type}\u0000${r.model}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { projectId: r.project_id, organizationId: r.organization_id, queryType: r.query_type, model: r.model, points: [] }));
    s.points.push({ hour: r.hour, costUsd: Number(r.cost) });
  }
  return [...series.values()];
}

/**
 * Spend by feature (from the rollups) and by end user (from the calls, which alone carry it) of
 * one series in the given hours, for naming an anomaly's driver.
 */
export async function loadDriverSpend(
  db: Pick<Db, '$queryRaw'>,
  series: { projectId: string; queryType: string; model: string },
  hours: ReadonlyArray<{ from: Date; to: Date }>,
): Promise<Array<{ dimension: 'feature' | 'endUser'; value: string; costUsd: number }>> {
  if (hours.length === 0) return [];
  const froms = hours.map((h) => h.from);
  const tos = hours.map((h) => h.to);
  const rows = await db.$queryRaw<Array<{ dimension: 'feature' | 'endUser'; value: string; cost: string }>>`
    WITH spans AS (SELECT * FROM unnest(${froms}::timestamptz[], ${tos}::timestamptz[]) AS s(from_hour, to_hour))
    SELECT 'feature' AS dimension, r.feature AS value, sum(r.cost_usd)::text AS cost
    FROM call_rollups_hourly r JOIN spans s ON r.hour >= s.from_hour AND r.hour < s.to_hour
    WHERE r.project_id = ${series.projectId}::uuid AND r.query_type = ${series.queryType} AND r.model = ${series.model}
    GROUP BY r.feature
    UNION ALL
    SELECT 'endUser', coalesce(c.end_user_id, ''), coalesce(sum(c.cost_usd), 0)::text
    FROM llm_calls c JOIN spans s ON c.start_time >= s.from_hour AND c.start_time < s.to_hour
    WHERE c.project_id = ${series.projectId}::uuid AND c.query_type = ${series.queryType} AND c.model = ${series.model}
    GROUP BY c.end_user_id`;
  return rows.map((r) => ({ dimension: r.dimension, value: r.value, costUsd: Number(r.cost) }));
}

/**
 * Records an anomaly, or extends the one already recorded for the same series that it continues
 * (overlapping or adjacent hours), so a spike seen by two runs is one anomaly and notifies once.
 * Two processes recording the same anomaly meet on the unique (series, first hour) key.
 */
export async function recordSpendAnomaly(
  db: Pick<Db, '$queryRaw'>,
  a: { projectId: string; queryType: string; model: string; from: Date; to: Date; spendUsd: number; expectedUsd: number; score: number; drivers: unknown[] },
): Promise<{ id: string; created: boolean }> {
  const extended = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE spend_anomalies SET to_hour = greatest(to_hour, ${a.to}), score = greatest(score, ${a.score})
    WHERE project_id = ${a.projectId}::uuid AND query_type = ${a.queryType} AND model = ${a.model}
      AND from_hour <= ${a.from} AND to_hour >= ${a.from}
    RETURNING id::text`;
  if (extended[0]) return { id: extended[0].id, created: false };
  const inserted = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO spend_anomalies (project_id, query_type, model, from_hour, to_hour, spend_usd, expected_usd, score, drivers)
    VALUES (${a.projectId}::uuid, ${a.queryType}, ${a.model}, ${a.from}, ${a.to}, ${a.spendUsd.toFixed(10)}::numeric, ${a.expectedUsd.toFixed(10)}::numeric, ${a.score}, ${JSON.stringify(a.drivers)}::jsonb)
    ON CONFLICT (project_id, query_type, model, from_hour) DO NOTHING
    RETURNING id::text`;
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM spend_anomalies WHERE project_id = ${a.projectId}::uuid AND query_type = ${a.queryType} AND model = ${a.model} AND from_hour = ${a.from}`;
  return { id: existing[0]!.id, created: false };
}
