import type { Db } from '@tierlens/db';
import { loadRollupRows, type RollupDimension } from '@tierlens/db';
import { z } from 'zod';
import { ZTimeRange } from '@/lib/time-range';
import { csvLine } from '@/lib/csv';

const DIMENSIONS = ['provider', 'model', 'queryType', 'feature', 'environment'] as const satisfies readonly RollupDimension[];

/** What a rollup export groups by: a time bucket and any of the rollups' dimensions. */
export const ZRollupExport = z.object({
  range: ZTimeRange,
  bucket: z.enum(['hour', 'day', 'range']).default('day'),
  groupBy: z.array(z.enum(DIMENSIONS)).max(DIMENSIONS.length).default(['model', 'queryType']),
});
export type RollupExport = z.infer<typeof ZRollupExport>;

const MEASURES = ['calls', 'errorCalls', 'truncatedCalls', 'unpricedCalls', 'inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens', 'costUsd', 'durationMsSum', 'ttftMsSum', 'ttftCalls'] as const;

/** Spend and usage summed from the rollups by bucket and the chosen dimensions, as CSV lines. */
export async function* streamRollupsCsv(db: Db, projectId: string, input: RollupExport): AsyncGenerator<string> {
  const rows = await loadRollupRows(db, projectId, input.range, { bucket: input.bucket, groupBy: input.groupBy });
  yield csvLine([...(input.bucket === 'range' ? [] : ['bucket_start']), ...input.groupBy, ...MEASURES]);
  const batch = 2_000;
  for (let i = 0; i < rows.length; i += batch) {
    let chunk = '';
    for (const r of rows.slice(i, i + batch)) {
      chunk += csvLine([...(input.bucket === 'range' ? [] : [r.hour]), ...input.groupBy.map((d) => r[d]), ...MEASURES.map((m) => r[m])]);
    }
    yield chunk;
  }
}
