import { z } from 'zod';

/**
 * The routing policy the SDK applies: the format the Tierlens analyzer writes
 * (`exportTierlensPolicy`), served by the ingest at `/v1/routing-policy` and exported from the
 * Rules page. Kept here as its own schema because the SDK is published alone; a test checks that
 * every policy the analyzer writes parses here. Unknown versions are refused.
 */
export const ZRoutingPolicyRule = z
  .object({
    id: z.string().min(1),
    when: z.object({
      queryType: z.string().min(1),
      feature: z.string().nullable(),
      provider: z.string().nullable(),
      models: z.array(z.string().min(1)).min(1),
    }),
    use: z.object({ model: z.string().min(1), provider: z.string().nullable() }),
    mode: z.enum(['shadow', 'canary', 'enforce']).default('enforce'),
    canaryShare: z.number().gt(0).lt(1).nullable().default(null),
  })
  .refine((r) => (r.mode === 'canary') === (r.canaryShare !== null), { message: 'canaryShare is set exactly when mode is canary' });

/** See {@link ZRoutingPolicyRule}. */
export const ZRoutingPolicy = z.object({
  kind: z.literal('tierlens.routing-policy'),
  version: z.literal(1),
  generatedAt: z.string().nullable(),
  rules: z.array(ZRoutingPolicyRule),
});

/** A routing policy as a file or the ingest holds it (modes optional). */
export type RoutingPolicyInput = z.input<typeof ZRoutingPolicy>;
/** A parsed routing policy. */
export type RoutingPolicy = z.infer<typeof ZRoutingPolicy>;
/** One parsed rule. */
export type RoutingPolicyRule = z.infer<typeof ZRoutingPolicyRule>;

/**
 * A policy ready for the hot path: rules listed per requested model (lower-cased), in policy
 * order, so a call costs one map lookup when no rule names its model.
 */
export interface CompiledPolicy {
  readonly byModel: ReadonlyMap<string, readonly RoutingPolicyRule[]>;
  readonly ruleCount: number;
}

/** Indexes a parsed policy by model. */
export function compilePolicy(policy: RoutingPolicy): CompiledPolicy {
  const byModel = new Map<string, RoutingPolicyRule[]>();
  for (const rule of policy.rules) {
    for (const model of new Set(rule.when.models.map((m) => m.toLowerCase()))) {
      const list = byModel.get(model);
      if (list) list.push(rule);
      else byModel.set(model, [rule]);
    }
  }
  return { byModel, ruleCount: policy.rules.length };
}
