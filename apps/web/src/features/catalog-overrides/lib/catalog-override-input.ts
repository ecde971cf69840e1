import { ZCapabilityEvidence, ZCapabilityQueryType, ZModelTier } from '@tierlens/analyzer';
import { z } from 'zod';

const ZModelId = z.string().trim().min(1).max(200);

/** Sets a model's tier for the organization. */
export const ZSetCatalogTierInput = z.object({ modelId: ZModelId, tier: ZModelTier });

/** Identifies one evidence entry of a model and query type: the same benchmark from the same source. */
export const ZEvidenceKey = z.object({ benchmark: z.string().trim().min(1).max(300), source: z.string().trim().min(1).max(1000) });

/**
 * Adds an evidence entry for a model and query type, or replaces the entry named by `replaces`
 * (or, without it, an entry with the same benchmark and source).
 */
export const ZPutCatalogEvidenceInput = z.object({
  modelId: ZModelId,
  queryType: ZCapabilityQueryType,
  evidence: ZCapabilityEvidence,
  replaces: ZEvidenceKey.nullish(),
});

export type PutCatalogEvidenceInput = z.input<typeof ZPutCatalogEvidenceInput>;
