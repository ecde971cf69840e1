import type { Db } from '@tierlens/db';
import { csvLine } from '@/lib/csv';
import { listCalls, type CallFilters } from './list-calls';

const PAGE = 5_000;
const COLUMNS = [
  'start_time', 'trace_id', 'span_id', 'provider', 'model', 'operation', 'status', 'error_type', 'query_type', 'query_type_source',
  'feature', 'environment', 'input_tokens', 'output_tokens', 'cost_usd', 'duration_ms', 'time_to_first_token_ms', 'usage_source',
] as const;

/**
 * A project's calls as CSV lines, filtered as in the Calls page, newest first: read in keyset
 * pages of 5,000 (the Calls page's own query), so memory stays flat however many rows match.
 * Unpriced calls have an empty `cost_usd`, never 0.
 */
export async function* streamCallsCsv(db: Db, projectId: string, filters: CallFilters): AsyncGenerator<string> {
  yield csvLine(COLUMNS);
  let cursor: Parameters<typeof listCalls>[3];
  do {
    const page = await listCalls(db, projectId, filters, cursor, PAGE);
    let chunk = '';
    for (const c of page.calls) {
      chunk += csvLine([
        c.startTime, c.traceId, c.spanId, c.provider, c.model, c.operation, c.status, c.errorType, c.queryType, c.queryTypeSource,
        c.feature, c.environment, c.inputTokens, c.outputTokens, c.costUsd, c.durationMs, c.timeToFirstTokenMs, c.usageSource,
      ]);
    }
    if (chunk) yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
