import { z } from 'zod';
import { parseUsd } from '../prices/money.ts';

/** A count from a `BIGINT` column: a non-negative safe integer (bigints are converted). */
const ZCount = z
  .union([z.number(), z.bigint()])
  .transform((value) => Number(value))
  .pipe(z.number().int().nonnegative());

/** A sum of milliseconds from a `double precision` column. */
const ZMillis = z.number().nonnegative();

/** A non-negative US-dollar decimal string with at most 10 decimals, as a `DECIMAL(24,10)` prints. */
const ZCostUsd = z
  .string()
  .trim()
  .refine((text) => {
    try {
      return parseUsd(text) >= 0n;
    } catch {
      return false;
    }
  }, 'a non-negative decimal amount in USD with at most 10 decimals, e.g. "12.5"');

/**
 * One row of `call_rollups_hourly` (Prisma model `CallRollupHourly`) as the app hands it to
 * the analyzer: one hour (or a coarser bucket summed in SQL) × provider × model × query type
 * × feature × environment. `provider` and `feature` are `''` when unknown or absent;
 * `truncatedCalls` counts calls that stopped on `finish_reason` length / max_tokens;
 * `costUsd` is the exact decimal sum of the priced calls' costs (unpriced calls add nothing
 * to it and are counted in `unpricedCalls`). Token counts follow the OpenTelemetry GenAI
 * convention: input includes cache reads and writes, output includes reasoning.
 *
 * The one row type of the rollups: the data layer's readers return it, the dashboard's and the
 * weekly report's builders and the findings take it.
 */
export const ZRollupRow = z.object({
  hour: z.coerce.date(),
  provider: z.string(),
  model: z.string().min(1),
  queryType: z.string(),
  feature: z.string(),
  environment: z.string(),
  calls: ZCount,
  errorCalls: ZCount,
  truncatedCalls: ZCount,
  unpricedCalls: ZCount,
  inputTokens: ZCount,
  outputTokens: ZCount,
  cacheReadTokens: ZCount,
  cacheWriteTokens: ZCount,
  reasoningTokens: ZCount,
  costUsd: ZCostUsd,
  durationMsSum: ZMillis,
  ttftMsSum: ZMillis,
  ttftCalls: ZCount,
});

/** See {@link ZRollupRow}. */
export type RollupRow = z.infer<typeof ZRollupRow>;

const COUNT_FIELDS = [
  'calls', 'errorCalls', 'truncatedCalls', 'unpricedCalls', 'inputTokens', 'outputTokens',
  'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens', 'ttftCalls',
] as const;
const PLAIN_USD = /^\d+(?:\.\d{1,10})?$/;

// The common case, checked without zod (which costs ~10 µs a row): plain numbers, a Date, a plain decimal.
function isPlainRow(value: unknown): value is RollupRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  if (!(row.hour instanceof Date) || Number.isNaN(row.hour.getTime())) return false;
  for (const field of ['provider', 'queryType', 'feature', 'environment'] as const) if (typeof row[field] !== 'string') return false;
  if (typeof row.model !== 'string' || row.model === '') return false;
  for (const field of COUNT_FIELDS) {
    const count = row[field];
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return false;
  }
  for (const field of ['durationMsSum', 'ttftMsSum'] as const) {
    const ms = row[field];
    if (typeof ms !== 'number' || !(ms >= 0) || ms === Number.POSITIVE_INFINITY) return false;
  }
  return typeof row.costUsd === 'string' && PLAIN_USD.test(row.costUsd);
}

/**
 * Validates rollup rows at the boundary (throws a `ZodError` whose path names the bad row
 * and field). Rows already in shape (numbers, a `Date`, a plain decimal cost) are checked
 * without zod and returned as they are; others (bigints, ISO strings, `1e-7` costs) go
 * through {@link ZRollupRow}. `computeFindings` and `whatIf` take typed rows and do not
 * parse again.
 */
export function parseRollupRows(rows: unknown): RollupRow[] {
  if (!Array.isArray(rows)) return z.array(ZRollupRow).parse(rows);
  return rows.map((row: unknown, index) => {
    if (isPlainRow(row)) return row;
    const parsed = ZRollupRow.safeParse(row);
    if (parsed.success) return parsed.data;
    throw new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })));
  });
}
