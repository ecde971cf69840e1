import type { CallRow } from '@tierlens/db';
import {
  MAX_COST_INTEGER_DIGITS,
  MAX_DURATION_MS,
  MAX_FINISH_REASON_BYTES,
  MAX_FINISH_REASONS,
  MAX_ID_BYTES,
  MAX_NAME_BYTES,
  MAX_SPAN_LEAD_MS,
  MAX_TOKENS,
} from './call-limits.ts';
import { cleanString, truncateUtf8 } from './clean-string.ts';

/** The time window a call's start time must fall in, around the ingest's clock. */
export interface StartTimeWindow {
  /** The ingest's clock, in ms since the epoch. */
  now: number;
  /** Oldest accepted start time, as an age in ms. */
  maxAgeMs: number;
}

/** A row that can be written, or why the call cannot be stored (the reason names the field). */
export type ValidatedRow = { ok: true; row: CallRow } | { ok: false; reason: string };

const TOKEN_FIELDS = [
  ['inputTokens', 'input_tokens'],
  ['outputTokens', 'output_tokens'],
  ['cacheReadTokens', 'cache_read_tokens'],
  ['cacheWriteTokens', 'cache_write_tokens'],
  ['reasoningTokens', 'reasoning_tokens'],
] as const;

const NAME_FIELDS = ['provider', 'requestModel', 'responseModel', 'model', 'operation', 'errorType', 'queryType', 'queryTypeSource', 'feature', 'environment', 'serviceName', 'convention', 'usageSource'] as const;
const ID_FIELDS = ['endUserId', 'priceVersion'] as const;

/**
 * The last check before a call is written: every number inside its column and the documented
 * bounds (`call-limits.ts`), every string without NUL or lone surrogates and cut to its length.
 * Never throws; a call it refuses is rejected alone, the rest of the batch is still stored.
 * Attribute and content strings are cleaned where they are built (`toCallAttributes`), and
 * cleaned again here for the content columns, which truncation may have split mid-pair.
 */
export function validateCallRow(row: CallRow, window: StartTimeWindow): ValidatedRow {
  const start = row.startTime.getTime();
  if (!Number.isFinite(start)) return reject('start_time is not a representable time');
  if (start < window.now - window.maxAgeMs) {
    return reject(`start_time ${iso(start)} is older than the accepted window of ${Math.round(window.maxAgeMs / 86_400_000)} days (INGEST_MAX_SPAN_AGE_DAYS)`);
  }
  if (start > window.now + MAX_SPAN_LEAD_MS) return reject(`start_time ${iso(start)} is more than a day ahead of the ingest's clock`);
  if (!(row.durationMs >= 0 && row.durationMs <= MAX_DURATION_MS)) return reject(`duration_ms ${row.durationMs} is outside 0..${MAX_DURATION_MS} (one day)`);
  if (row.timeToFirstTokenMs !== null && !(row.timeToFirstTokenMs >= 0 && row.timeToFirstTokenMs <= MAX_DURATION_MS)) {
    return reject(`time_to_first_token_ms ${row.timeToFirstTokenMs} is outside 0..${MAX_DURATION_MS}`);
  }
  for (const [key, column] of TOKEN_FIELDS) {
    const n = row[key];
    if (!Number.isSafeInteger(n) || n < 0 || n > MAX_TOKENS) return reject(`${column} ${n} is outside 0..10^12`);
  }
  const costProblem = checkCost(row.costUsd, 'cost_usd') ?? checkCost(row.reportedCostUsd, 'reported_cost_usd');
  if (costProblem !== null) return reject(costProblem);
  if (!Number.isFinite(row.queryTypeConfidence)) return reject('query_type_confidence is not a finite number');

  const out: CallRow = { ...row };
  for (const key of NAME_FIELDS) out[key] = bounded(row[key], MAX_NAME_BYTES) as never;
  for (const key of ID_FIELDS) out[key] = bounded(row[key], MAX_ID_BYTES) as never;
  out.model = out.model === '' ? 'unknown' : out.model;
  out.finishReasons = row.finishReasons.slice(0, MAX_FINISH_REASONS).map((r) => truncateUtf8(r, MAX_FINISH_REASON_BYTES));
  out.promptContent = row.promptContent === null ? null : cleanString(row.promptContent);
  out.completionContent = row.completionContent === null ? null : cleanString(row.completionContent);
  return { ok: true, row: out };
}

function bounded(value: string | null, maxBytes: number): string | null {
  return value === null ? null : truncateUtf8(value, maxBytes);
}

/** A problem with a decimal cost string, or null when it fits `DECIMAL(20,10)` and is not negative. */
function checkCost(value: string | null, column: string): string | null {
  if (value === null) return null;
  const match = /^0*(\d*?)(\.\d+)?$/.exec(value);
  if (match === null || value === '' || value.startsWith('.')) return `${column} ${value} is not a non-negative decimal`;
  // Compared as digits: a double would round 9999999999.9999999999 up to the limit.
  if (match[1]!.length > MAX_COST_INTEGER_DIGITS) return `${column} ${value} is above the largest storable cost (10^10 USD)`;
  return null;
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

function reject(reason: string): ValidatedRow {
  return { ok: false, reason };
}
