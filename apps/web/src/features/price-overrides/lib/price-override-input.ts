import { z } from 'zod';

/**
 * A price in USD per million tokens as typed: a plain decimal with at most 10 integer digits
 * and 10 decimals, the precision of the `DECIMAL(20,10)` columns. Zero is allowed (free or
 * self-hosted models); negative numbers and exponents are not.
 */
export const ZPerMTok = z
  .string()
  .trim()
  .regex(/^\d{1,10}(?:\.\d{1,10})?$/, 'A price in USD per million tokens, e.g. 2.5 (at most 10 decimals)');

/** What the price override form submits. */
export const ZPriceOverrideInput = z.object({
  /** `organization`: every project of the organization; `project`: this project only (beats organization prices). */
  scope: z.enum(['organization', 'project']),
  /** Empty means any provider. */
  provider: z.string().trim().max(100).nullish().transform((v) => (v ? v : null)),
  model: z.string().trim().min(1, 'Enter a model').max(200),
  inputPerMTok: ZPerMTok,
  outputPerMTok: ZPerMTok,
  cacheReadPerMTok: ZPerMTok.nullish().transform((v) => v ?? null),
  cacheWritePerMTok: ZPerMTok.nullish().transform((v) => v ?? null),
  /** When the price starts to apply; now when omitted. */
  effectiveFrom: z.coerce.date().nullish().transform((v) => v ?? null),
});

export type PriceOverrideInput = z.input<typeof ZPriceOverrideInput>;
