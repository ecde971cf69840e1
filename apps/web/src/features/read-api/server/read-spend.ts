import { formatUsd, parseUsd } from '@tierlens/analyzer';
import { loadRollupRows, type ActiveApiKey, type Db } from '@tierlens/db';
import type { z } from 'zod';
import type { ZSpendQuery, ZSpendResponse } from '../lib/read-api-schemas';

/** Spend and usage of the key's project from the rollups, by bucket and dimensions. */
export async function readSpend(db: Db, key: ActiveApiKey, q: z.infer<typeof ZSpendQuery>): Promise<z.infer<typeof ZSpendResponse>> {
  const rows = await loadRollupRows(db, key.projectId, { from: q.from, to: q.to }, { bucket: q.bucket, groupBy: q.groupBy });
  return {
    projectId: key.projectId,
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    bucket: q.bucket,
    groupBy: q.groupBy,
    rows: rows.map((r) => ({
      bucketStart: q.bucket === 'range' ? null : r.hour.toISOString(),
      ...Object.fromEntries(q.groupBy.map((d) => [d, r[d]])),
      calls: r.calls,
      unpricedCalls: r.unpricedCalls,
      errorCalls: r.errorCalls,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      // Exact, without the column's trailing zeros: "9.5", not "9.5000000000".
      costUsd: formatUsd(parseUsd(r.costUsd)),
    })),
  };
}
