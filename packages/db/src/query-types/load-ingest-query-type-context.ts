import type { ActiveCorrection } from '@tierlens/analyzer';
import type pg from 'pg';
import { toTarget } from './query-type-corrections.ts';

/** What the ingest needs to finish a batch's query types: template votes and the corrections in force. */
export interface IngestQueryTypeContext {
  /** Confident calls per query type, keyed by {@link templateKey}. */
  votes: Map<string, Map<string, number>>;
  corrections: ActiveCorrection[];
}

/** The key of a template within a project: its feature ('' for none) and fingerprint. */
export function templateKey(feature: string | null, fingerprint: string): string {
  return `${feature ?? ''}\u0000${fingerprint}`;
}

/**
 * Reads, in one round trip, the stored votes of the templates a batch's calls belong to and the
 * project's active corrections for the batch's features and templates (and single calls). Read
 * per request, not cached, so a correction applies to every call stored after it.
 */
export async function loadIngestQueryTypeContext(
  pool: pg.Pool,
  projectId: string,
  calls: ReadonlyArray<{ traceId: string; feature: string | null; templateFingerprint?: string | null }>,
): Promise<IngestQueryTypeContext> {
  const features = [...new Set(calls.map((c) => c.feature ?? ''))];
  const fingerprints = [...new Set(calls.flatMap((c) => (c.templateFingerprint ? [c.templateFingerprint] : [])))];
  const traceIds = [...new Set(calls.map((c) => c.traceId))];
  const { rows } = await pool.query<{
    kind: 'vote' | 'correction'; scope: string | null; feature: string | null; fingerprint: string | null; trace_id: string | null;
    span_id: string | null; query_type: string; calls: string | null; created_at: Date | null;
  }>(
    `SELECT 'vote' AS kind, NULL AS scope, feature, fingerprint, NULL AS trace_id, NULL AS span_id, query_type, calls::text AS calls, NULL::timestamptz AS created_at
       FROM prompt_template_votes WHERE project_id = $1 AND fingerprint = ANY($3::text[]) AND feature = ANY($2::text[])
     UNION ALL
     SELECT 'correction', scope, feature, fingerprint, trace_id, span_id, query_type, NULL, created_at
       FROM query_type_corrections WHERE project_id = $1 AND undone_at IS NULL
        AND ((scope = 'call' AND trace_id = ANY($4::text[])) OR (scope = 'feature' AND feature = ANY($2::text[])) OR (scope = 'template' AND fingerprint = ANY($3::text[])))`,
    [projectId, features, fingerprints, traceIds],
  );
  const votes = new Map<string, Map<string, number>>();
  const corrections: ActiveCorrection[] = [];
  for (const r of rows) {
    if (r.kind === 'vote') {
      const key = templateKey(r.feature, r.fingerprint!);
      const byType = votes.get(key) ?? new Map<string, number>();
      byType.set(r.query_type, Number(r.calls));
      votes.set(key, byType);
    } else {
      corrections.push({ target: toTarget({ scope: r.scope!, feature: r.feature, fingerprint: r.fingerprint, traceId: r.trace_id, spanId: r.span_id }), queryType: r.query_type as ActiveCorrection['queryType'], createdAt: r.created_at! });
    }
  }
  return { votes, corrections };
}
