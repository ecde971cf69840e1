import type { Db } from '../client.ts';

/**
 * A project's people-labelled calls as JSONL lines `{id, prompt, queryType}` (the shape
 * `npx tierlens classify` reads, plus the label): the calls whose type a correction in force set
 * and whose prompt was stored. The project's own training data.
 */
export async function exportLabelledCalls(db: Db, projectId: string, limit = 10_000): Promise<string> {
  const rows = await db.$queryRaw<Array<{ trace_id: string; span_id: string; prompt_content: string; query_type: string }>>`
    SELECT trace_id, span_id, prompt_content, query_type FROM llm_calls
    WHERE project_id = ${projectId}::uuid AND query_type_source = 'manual' AND prompt_content IS NOT NULL
    ORDER BY start_time, trace_id, span_id LIMIT ${limit}`;
  return rows.map((r) => JSON.stringify({ id: `${r.trace_id}:${r.span_id}`, prompt: r.prompt_content, queryType: r.query_type })).join('\n') + (rows.length ? '\n' : '');
}
