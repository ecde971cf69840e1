import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type pg from 'pg';
import type { PriceOverride } from '@tierlens/analyzer';
import { insertCalls, type CallRow } from '@tierlens/db';
import { validateCallRow } from './bounds/validate-call-row.ts';
import { buildCallRow } from './build-call-row.ts';
import { dedupeCalls, mapSpan } from './mapping/index.ts';
import type { MapResult } from './mapping/canonical-call.ts';
import { decodeExportRequest, OtlpDecodeError, type OtlpFormat } from './otlp/index.ts';
import { RequestError } from './read-body.ts';
import { OverloadedError } from './write-gate.ts';
import { SpanRejections } from './span-rejections.ts';
import { loadIngestQueryTypeContext } from '@tierlens/db';
import { resolveBatchQueryTypes } from './resolve-batch-query-types.ts';

export interface ExportInput {
  body: Uint8Array;
  format: OtlpFormat;
  projectId: string;
  maxSpans: number;
  storeContent: boolean;
  /** Oldest accepted call start time, as an age in ms (`INGEST_MAX_SPAN_AGE_DAYS`). */
  maxSpanAgeMs: number;
  /** The ingest's clock (tests pass their own). */
  now?: () => number;
  overrides: () => Promise<PriceOverride[]>;
  /** Runs the database write under the server's write gate, waiting at most `maxWaitMs` for a slot. */
  store: <T>(fn: () => Promise<T>, maxWaitMs: number) => Promise<T>;
  /**
   * `performance.now()` by which the write must have started; past it the request is answered
   * 503 (nothing stored) rather than late. Infinity when unbounded.
   */
  deadline?: number;
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

/**
 * A call the database refused alone, by its index in the rows passed to the write. The storage
 * layer may report these instead of failing the batch; they are merged into the partial success.
 */
export interface RowRejection {
  index: number;
  reason: string;
}

/** Spans mapped, priced and checked between two yields to the event loop (a few ms of work). */
const SLICE = 250;

/**
 * One OTLP export request: decode, map each span, price and classify it, check it against the
 * stored bounds (`bounds/call-limits.ts`) and store the calls that pass. A span that cannot be
 * stored is rejected alone (partial success); only a fault of the request as a whole throws.
 * The work is done in slices that yield to the event loop, so that a large batch never delays
 * the refusals the server gives other senders while it is full.
 */
export async function handleExport(input: ExportInput): Promise<ExportOutcome> {
  const deadline = input.deadline ?? Number.POSITIVE_INFINITY;
  remaining(deadline); // a slow upload may have used it up
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
  const results: MapResult[] = [];
  for (let i = 0; i < spans.length; i++) {
    results.push(mapSpan(spans[i]!));
    if ((i + 1) % SLICE === 0) await pause(deadline);
  }
  const rejections = new SpanRejections();
  let skipped = 0;
  const calls = [];
  for (const r of dedupeCalls(results)) {
    if (r.kind === 'call') calls.push(r.call);
    else if (r.kind === 'skip') skipped++;
    else rejections.add(r.reason);
  }
  const overrides = calls.length ? await input.overrides() : [];
  const window = { now: (input.now ?? Date.now)(), maxAgeMs: input.maxSpanAgeMs };
  const built: CallRow[] = [];
  for (let i = 0; i < calls.length; i++) {
    const checked = validateCallRow(buildCallRow(calls[i]!, { projectId: input.projectId, overrides, storeContent: input.storeContent }), window);
    if (checked.ok) built.push(checked.row);
    else rejections.add(checked.reason);
    if ((i + 1) % SLICE === 0) await pause(deadline);
  }
  // Template majorities and people's corrections need the stored votes and corrections: one read per request.
  const rows = built.length ? resolveBatchQueryTypes(built, await loadIngestQueryTypeContext(input.pool, input.projectId, built)) : built;
  const written: { inserted: number; duplicates: number; rejected?: readonly RowRejection[] } = rows.length
    ? await input.store(() => insertCalls(input.pool, rows), remaining(deadline))
    : { inserted: 0, duplicates: 0 };
  // Per-call database failures (the storage layer isolates them and says which rows it could not
  // write) join the other rejections of this request.
  for (const r of written.rejected ?? []) rejections.add(`the database refused the call: ${r.reason}`);
  return { stored: written.inserted, duplicates: written.duplicates, skipped, rejected: rejections.count, rejectionMessage: rejections.message() };
}

/** Yields to the event loop; throws when the request is past its deadline. */
async function pause(deadline: number): Promise<void> {
  await yieldToEventLoop();
  remaining(deadline);
}

/** Milliseconds left before `deadline`. @throws {OverloadedError} when none are. */
function remaining(deadline: number): number {
  const left = deadline - performance.now();
  if (left <= 0) throw new OverloadedError(2, 'The ingest is overloaded: the request could not be processed in time; nothing was stored. Retry later.');
  return left;
}
