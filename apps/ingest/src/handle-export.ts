import type pg from 'pg';
import type { PriceOverride } from '@tierlens/analyzer';
import { buildCallRow } from './build-call-row.ts';
import { dedupeCalls, mapSpan } from './mapping/index.ts';
import type { MapResult } from './mapping/canonical-call.ts';
import { decodeExportRequest, OtlpDecodeError, type OtlpFormat } from './otlp/index.ts';
import { RequestError } from './read-body.ts';
import { insertCalls, loadIngestQueryTypeContext } from '@tierlens/db';
import { resolveBatchQueryTypes } from './resolve-batch-query-types.ts';

export interface ExportInput {
  body: Uint8Array;
  format: OtlpFormat;
  projectId: string;
  maxSpans: number;
  storeContent: boolean;
  overrides: () => Promise<PriceOverride[]>;
  /** Runs the database write under the server's write gate. */
  store: <T>(fn: () => Promise<T>) => Promise<T>;
  pool: pg.Pool;
}

export interface ExportOutcome {
  stored: number;
  duplicates: number;
  skipped: number;
  rejected: number;
  /** Why spans were rejected, for OTLP partial_success (empty when none were). */
  rejectionMessage: string;
}

const MAX_REASONS_LISTED = 5;

/**
 * One OTLP export request: decode, map each span (rejecting unusable spans alone), price,
 * classify and store. Resolves once the calls are committed.
 */
export async function handleExport(input: ExportInput): Promise<ExportOutcome> {
  let spans;
  try {
    spans = decodeExportRequest(input.body, input.format);
  } catch (err) {
    if (err instanceof OtlpDecodeError) throw new RequestError(400, `Could not decode the OTLP ${input.format} body: ${err.message}`);
    throw err;
  }
  if (spans.length > input.maxSpans) {
    throw new RequestError(413, `The request holds ${spans.length} spans; the limit is ${input.maxSpans} per request. Send smaller batches.`);
  }
  const results: MapResult[] = spans.map((s) => mapSpan(s));
  const deduped = dedupeCalls(results);
  const reasons = new Map<string, number>();
  let skipped = 0;
  const calls = [];
  for (const r of deduped) {
    if (r.kind === 'call') calls.push(r.call);
    else if (r.kind === 'skip') skipped++;
    else reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  }
  const rejected = [...reasons.values()].reduce((a, b) => a + b, 0);
  const overrides = calls.length ? await input.overrides() : [];
  const built = calls.map((c) => buildCallRow(c, { projectId: input.projectId, overrides, storeContent: input.storeContent }));
  // Template majorities and people's corrections need the stored votes and corrections: one read per request.
  const rows = built.length ? resolveBatchQueryTypes(built, await loadIngestQueryTypeContext(input.pool, input.projectId, built)) : built;
  const { inserted, duplicates } = rows.length ? await input.store(() => insertCalls(input.pool, rows)) : { inserted: 0, duplicates: 0 };
  const rejectionMessage = [...reasons.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_REASONS_LISTED)
    .map(([reason, n]) => `${n} span(s) rejected: ${reason}`)
    .join('; ');
  return { stored: inserted, duplicates, skipped, rejected, rejectionMessage };
}
