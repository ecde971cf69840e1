import { z } from 'zod';
import { ZQueryType } from '../query-types/query-type.ts';

/** The version of the Tierlens routing-policy format this analyzer writes. */
export const TIERLENS_POLICY_VERSION = 1;

/**
 * One rule of a Tierlens routing policy. A call matches when its query type equals
 * `when.queryType`, its feature equals `when.feature` (null: any feature), its provider
 * equals `when.provider` (canonical id, e.g. `anthropic`, `aws.bedrock`; null: any), and its
 * requested model, lower-cased, is one of `when.models` — or has the same identity after the
 * analyzer's `normalizeModel` (dates and provider prefixes dropped). The call is then sent
 * to `use.model` at `use.provider` (null: the same provider).
 *
 * `mode` says how the SDK applies it: `shadow` records what it would use, `canary` applies it
 * to `canaryShare` of the matching calls (picked from the trace id; the rest are the control
 * group), `enforce` to all. Both are optional in the file (a policy without them, as written
 * before modes existed, is enforced), so readers of version 1 keep working.
 */
export const ZTierlensPolicyRule = z
  .object({
  id: z.string().min(1),
  when: z.object({
    queryType: ZQueryType,
    feature: z.string().nullable(),
    provider: z.string().nullable(),
    models: z.array(z.string().min(1)).min(1),
  }),
  use: z.object({ model: z.string().min(1), provider: z.string().nullable() }),
  mode: z.enum(['shadow', 'canary', 'enforce']).default('enforce'),
  canaryShare: z.number().gt(0).lt(1).nullable().default(null),
  /** Why, for display: where the rule came from and what it is expected to do. */
  rationale: z
    .object({
      kind: z.enum(['overpaying', 'underbidding']),
      confidence: z.enum(['high', 'medium', 'low']),
      monthlySavingUsd: z.object({ low: z.string(), point: z.string(), high: z.string() }),
      qualityDeltaPoints: z.number(),
      benchmark: z.string(),
    })
    .nullable(),
  })
  .refine((r) => (r.mode === 'canary') === (r.canaryShare !== null), {
    message: 'canaryShare is set exactly when mode is canary',
    path: ['canaryShare'],
  });

/**
 * The routing policy the Tierlens SDK reads (`kind` and `version` first, so a reader can
 * refuse a version it does not know). Rules are ordered: the SDK applies the first rule that
 * matches a call and leaves calls no rule matches alone. The analyzer writes the rules most
 * specific first (feature-specific before any-feature, provider-specific before any-provider).
 *
 * Version history: 1 — first version.
 */
export const ZTierlensPolicy = z.object({
  kind: z.literal('tierlens.routing-policy'),
  version: z.literal(TIERLENS_POLICY_VERSION),
  /** When the policy was written (ISO 8601), as passed by the caller; null when not given. */
  generatedAt: z.iso.datetime().nullable(),
  rules: z.array(ZTierlensPolicyRule),
});

/** See {@link ZTierlensPolicy}. */
export type TierlensPolicy = z.infer<typeof ZTierlensPolicy>;

/** See {@link ZTierlensPolicyRule}. */
export type TierlensPolicyRule = z.infer<typeof ZTierlensPolicyRule>;
