import type { RollupRow, TimeRange } from '@tierlens/analyzer';
import type { Db } from '../client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { ROLLUP_MEASURE_COLUMNS, readRollupMeasures, rollupMeasureSums } from './rollup-measures.ts';

/** Dimensions a page groups by; the others come back as '' (summed over). */
export type RollupDimension = 'provider' | 'model' | 'queryType' | 'feature' | 'environment';

export interface LoadRollupOptions {
  /**
   * Time bucket of the rows: a UTC day, an hour, the whole range in one row, or buckets of
   * `everyDays` days laid from `origin`, a UTC midnight (each row dated at its bucket's start, and
   * no earlier than the range's start): the buckets the findings measure variation over
   * (`periodBuckets(period, 'utc-midnight')`), so they get a row per bucket instead of per day.
   */
  bucket: 'day' | 'hour' | 'range' | { everyDays: number; origin: Date };
  groupBy: readonly RollupDimension[];
}

const DIM_COLUMNS: Record<RollupDimension, string> = {
  provider: 'provider',
  model: 'model',
  queryType: 'query_type',
  feature: 'feature',
  environment: 'environment',
};

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * A project's rollups over a range, summed in the database into the rows a page needs (grouped
 * by `groupBy` and bucketed by day, hour or the whole range). Whole days are read from the daily
 * rollups and only the partial days at the range's edges from the hourly ones, so a 90-day page
 * reads a few thousand rows. The analyzer then shapes these rows into what the page shows.
 */
export async function loadRollupRows(db: Db, projectId: string, range: TimeRange, options: LoadRollupOptions): Promise<RollupRow[]> {
  const [rows] = await loadRollupRowSets(db, projectId, range, [options]);
  return rows!;
}

/**
 * Several groupings of the same rollups in one scan (`GROUPING SETS`): the rows of each entry of
 * `sets`, in order, as `loadRollupRows` would return them one by one. A page that shows the
 * same range several ways (the overview) reads the rollups once instead of once per chart.
 */
export async function loadRollupRowSets(db: Db, projectId: string, range: TimeRange, sets: readonly LoadRollupOptions[]): Promise<RollupRow[][]> {
  const from = Math.floor(range.from.getTime() / HOUR) * HOUR;
  const to = Math.ceil(range.to.getTime() / HOUR) * HOUR;
  const dayFrom = Math.ceil(from / DAY) * DAY;
  const dayTo = Math.floor(to / DAY) * DAY;
  const useDaily = sets.every((set) => set.bucket !== 'hour') && dayFrom < dayTo;
  // Each distinct time bucket is one column of the inner select; 'range' needs none.
  const bucketColumns = new Map<string, string>();
  const bucketColumnOf = (bucket: LoadRollupOptions['bucket']) => {
    if (bucket === 'range') return null;
    const expr = bucketExpression(bucket, from, range.from.getTime());
    if (!bucketColumns.has(expr)) bucketColumns.set(expr, `b${bucketColumns.size}`);
    return bucketColumns.get(expr)!;
  };
  const groupings = sets.map((set) => {
    const bucket = bucketColumnOf(set.bucket);
    return { bucket, columns: [...(bucket ? [bucket] : []), ...set.groupBy.map((d) => DIM_COLUMNS[d])] };
  });
  // Only columns some set groups by may appear in GROUPING(); the others come back as ''.
  const allColumns = [...bucketColumns.values(), ...Object.values(DIM_COLUMNS)].filter((c) => groupings.some((g) => g.columns.includes(c)));
  // GROUPING(these columns) has a 1 bit (most significant first) for each column a set leaves out.
  const maskOf = (columns: string[]) => allColumns.reduce((mask, c) => (mask << 1) | (columns.includes(c) ? 0 : 1), 0);
  const distinct = [...new Map(groupings.map((g) => [maskOf(g.columns), g.columns])).entries()];
  const inner = [...[...bucketColumns].map(([expr, name]) => `${expr} AS ${name}`), ...Object.values(DIM_COLUMNS)].join(', ');
  const groupingSets = distinct.map(([, columns]) => `(${columns.join(', ')})`).join(', ');
  const cols = `${Object.values(DIM_COLUMNS).join(', ')}, ${ROLLUP_MEASURE_COLUMNS}`;
  const parts = useDaily
    ? Prisma.sql`
        SELECT day AS t, ${Prisma.raw(cols)} FROM call_rollups_daily WHERE project_id = ${projectId}::uuid AND day >= ${new Date(dayFrom)} AND day < ${new Date(dayTo)}
        UNION ALL
        SELECT hour AS t, ${Prisma.raw(cols)} FROM call_rollups_hourly WHERE project_id = ${projectId}::uuid
          AND ((hour >= ${new Date(from)} AND hour < ${new Date(dayFrom)}) OR (hour >= ${new Date(dayTo)} AND hour < ${new Date(to)}))`
    : Prisma.sql`
        SELECT hour AS t, ${Prisma.raw(cols)} FROM call_rollups_hourly WHERE project_id = ${projectId}::uuid AND hour >= ${new Date(from)} AND hour < ${new Date(to)}`;
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${Prisma.raw(allColumns.length ? `GROUPING(${allColumns.join(', ')})` : '0')} AS grouping_mask, ${Prisma.raw([...allColumns, ''].join(', '))}${Prisma.raw(rollupMeasureSums())}
    FROM (SELECT ${Prisma.raw(inner)}, ${Prisma.raw(ROLLUP_MEASURE_COLUMNS)} FROM (${parts}) AS p) AS r
    GROUP BY GROUPING SETS (${Prisma.raw(groupingSets)})`;
  const byMask = new Map<number, RollupRow[]>(distinct.map(([mask]) => [mask, []]));
  // A whole-range row is dated at the exact start, so an analyzer filtering on the period keeps it.
  const rangeLabel = new Date(range.from.getTime());
  const bucketNames = [...bucketColumns.values()];
  for (const r of rows) {
    const mask = Number(r.grouping_mask);
    const bucketOfRow = bucketNames.find((c) => r[c] != null);
    byMask.get(mask)!.push(toRollupRow(r, bucketOfRow ? (r[bucketOfRow] as Date) : rangeLabel));
  }
  return groupings.map((g) => byMask.get(maskOf(g.columns))!);
}

function toRollupRow(r: Record<string, unknown>, bucket: Date): RollupRow {
  return {
    hour: bucket,
    provider: (r.provider as string | null) ?? '',
    model: (r.model as string | null) ?? '',
    queryType: (r.query_type as string | null) ?? '',
    feature: (r.feature as string | null) ?? '',
    environment: (r.environment as string | null) ?? '',
    ...(readRollupMeasures(r) as Omit<RollupRow, 'hour' | 'provider' | 'model' | 'queryType' | 'feature' | 'environment'>),
  };
}

function bucketExpression(bucket: Exclude<LoadRollupOptions['bucket'], 'range'>, hourFrom: number, exactFrom: number): string {
  // A range that starts mid-day labels its first, partial day with the range's start, so no row
  // is dated before the period the caller asked for.
  if (bucket === 'day') return `greatest(date_trunc('day', t, 'UTC'), to_timestamp(${hourFrom / 1000}))`;
  if (bucket === 'hour') return 't';
  const origin = bucket.origin.getTime();
  if (!(Number.isInteger(bucket.everyDays) && bucket.everyDays > 0)) throw new RangeError('bucket.everyDays must be a positive integer');
  // Daily rollups fall wholly into one bucket only if buckets start at UTC midnights.
  if (origin % DAY !== 0) throw new RangeError('bucket.origin must be a UTC midnight');
  return `greatest(date_bin(interval '${bucket.everyDays} days', t, to_timestamp(${origin / 1000})), to_timestamp(${exactFrom / 1000}))`;
}
