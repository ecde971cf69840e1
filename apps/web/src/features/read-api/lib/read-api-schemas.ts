import { z } from 'zod';

const ZIsoDate = z.iso.datetime({ offset: true }).or(z.iso.date()).transform((v) => new Date(v));

/**
 * `GET /api/v1/spend`: spend and usage from the rollups by time bucket and dimensions. Unknown
 * parameters are refused (a key reads only its own project, so a `projectId` is a mistake).
 */
export const ZSpendQuery = z
  .strictObject({
    from: ZIsoDate,
    to: ZIsoDate,
    bucket: z.enum(['hour', 'day', 'range']).default('day'),
    groupBy: z
      .string()
      .default('model')
      .transform((v) => v.split(',').map((d) => d.trim()).filter(Boolean))
      .pipe(z.array(z.enum(['provider', 'model', 'queryType', 'feature', 'environment'])).max(5)),
  })
  .refine((q) => q.from < q.to, { message: '`from` must be before `to`', path: ['from'] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 400 * 86_400_000, { message: 'A range may span at most 400 days', path: ['to'] });

export const ZSpendRow = z.object({
  bucketStart: z.string().nullable().describe('Start of the time bucket (ISO 8601); null when bucket=range'),
  provider: z.string().optional(),
  model: z.string().optional(),
  queryType: z.string().optional(),
  feature: z.string().optional(),
  environment: z.string().optional(),
  calls: z.number().int(),
  unpricedCalls: z.number().int().describe('Calls without a price: their cost is not in costUsd'),
  errorCalls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.string().describe('Exact decimal amount in USD'),
});
export const ZSpendResponse = z.object({ projectId: z.string(), from: z.string(), to: z.string(), bucket: z.string(), groupBy: z.array(z.string()), rows: z.array(ZSpendRow) });

/** `GET /api/v1/findings`: the analyzer's findings over a range (default: the last 30 days). */
export const ZFindingsQuery = z.strictObject({ from: ZIsoDate.optional(), to: ZIsoDate.optional() });

export const ZApiError = z.object({ error: z.string() });
