import type { Db } from '../client.ts';

/** A prompt template of a feature as the Query types page lists it. */
export interface PromptTemplateRow {
  feature: string | null;
  fingerprint: string;
  calls: number;
  /** The query type most of its calls have now, and that type's share of them. */
  queryType: string;
  share: number;
  /** Mean confidence of the calls of that type, and the source that typed most of them. */
  confidence: number;
  source: string;
  /** The start of one call's stored prompt (null when the project stores no content). */
  example: string | null;
}

/**
 * A project's prompt templates with calls in the range, most calls first (at most `limit`): each
 * with its current majority query type, how sure that is, and an example prompt.
 */
export async function listPromptTemplates(db: Db, projectId: string, range: { from: Date; to: Date }, limit = 50): Promise<PromptTemplateRow[]> {
  const rows = await db.$queryRaw<Array<{ feature: string | null; fingerprint: string; calls: bigint; query_type: string; type_calls: bigint; confidence: number; source: string; example: string | null }>>`
    WITH t AS (
      SELECT feature, template_fingerprint AS fingerprint, query_type, count(*) AS type_calls, avg(query_type_confidence) AS confidence,
             mode() WITHIN GROUP (ORDER BY query_type_source) AS source, left(max(prompt_content), 300) AS example
      FROM llm_calls
      WHERE project_id = ${projectId}::uuid AND start_time >= ${range.from} AND start_time < ${range.to} AND template_fingerprint IS NOT NULL
      GROUP BY 1, 2, 3
    ), ranked AS (
      SELECT *, sum(type_calls) OVER (PARTITION BY feature, fingerprint) AS calls,
             row_number() OVER (PARTITION BY feature, fingerprint ORDER BY type_calls DESC, query_type) AS rank
      FROM t
    )
    SELECT feature, fingerprint, calls, query_type, type_calls, confidence, source, example FROM ranked WHERE rank = 1
    ORDER BY calls DESC, fingerprint LIMIT ${limit}`;
  return rows.map((r) => ({
    feature: r.feature,
    fingerprint: r.fingerprint,
    calls: Number(r.calls),
    queryType: r.query_type,
    share: Number(r.type_calls) / Number(r.calls),
    confidence: Math.round(Number(r.confidence) * 1000) / 1000,
    source: r.source,
    example: r.example,
  }));
}
