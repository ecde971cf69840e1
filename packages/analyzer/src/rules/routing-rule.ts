import { z } from 'zod';
import { ZQueryType } from '../query-types/query-type.ts';

const ZUsd = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount in USD');

/** The evidence a rule was synthesized from, kept with it (the `evidence` JSON column). */
export const ZRuleEvidence = z.object({
  findingId: z.string().min(1),
  kind: z.enum(['overpaying', 'underbidding']),
  reason: z.string().min(1),
  confidence: z.enum(['high', 'medium', 'low']),
  calls: z.number().int().nonnegative(),
  spendUsd: ZUsd,
  monthlySavingUsd: z.object({ low: ZUsd, point: ZUsd, high: ZUsd }),
  costMethod: z.enum(['observed_tokens', 'price_ratio']),
  quality: z.object({
    source: z.enum(['benchmark', 'project_eval', 'observed']),
    benchmark: z.string().min(1),
    deltaPoints: z.object({ low: z.number(), point: z.number(), high: z.number() }),
    sources: z.array(z.object({ source: z.string(), date: z.string() })),
  }),
});

/** See {@link ZRuleEvidence}. */
export type RuleEvidence = z.infer<typeof ZRuleEvidence>;

/**
 * What the SDK does with a rule: `off` (not served), `shadow` (records what it would use),
 * `canary` (applies it to `canaryShare` of the matching calls; the rest are the control group)
 * or `enforce` (applies it to every matching call).
 */
export const ZRuleMode = z.enum(['off', 'shadow', 'canary', 'enforce']);

/** See {@link ZRuleMode}. */
export type RuleMode = z.infer<typeof ZRuleMode>;

/** A canary's share of matching calls: strictly between 0 and 1. */
export const ZCanaryShare = z.number().gt(0).lt(1);

/**
 * A routing rule: `when query type = X [and feature = F] and model = M → use M'` (the
 * `routing_rules` table). `fromModel` is the model's identity (catalog id, or normalized
 * name); `fromModelAliases` the spellings it was seen under, all of which the rule matches.
 * `feature` null matches every feature; `fromProvider` null every provider. Rules come from
 * findings (`synthesizeRules`) or from users (`evidence` null). Validate stored or user
 * rules with this schema. `mode` says how the SDK applies it (default `enforce`: a rule written
 * by hand is meant to apply); `canaryShare` is set exactly when the mode is `canary`.
 */
export const ZRoutingRule = z
  .object({
  id: z.string().min(1),
  queryType: ZQueryType,
  feature: z.string().nullable(),
  fromModel: z.string().trim().min(1),
  fromModelAliases: z.array(z.string().trim().min(1)).default([]),
  fromProvider: z.string().nullable().default(null),
  toModel: z.string().trim().min(1),
  toProvider: z.string().nullable().default(null),
  enabled: z.boolean().default(true),
  mode: ZRuleMode.default('enforce'),
  canaryShare: ZCanaryShare.nullable().default(null),
  evidence: ZRuleEvidence.nullable().default(null),
  })
  .refine((r) => (r.mode === 'canary') === (r.canaryShare !== null), {
    message: 'canaryShare is set exactly when mode is canary',
    path: ['canaryShare'],
  });

/** A routing rule as stored (defaults applied). */
export type RoutingRule = z.infer<typeof ZRoutingRule>;

/** A routing rule as written by a user or read from storage (defaults optional). */
export type RoutingRuleInput = z.input<typeof ZRoutingRule>;

/** Validates rules at the boundary (throws a `ZodError`). */
export function parseRoutingRules(rules: unknown): RoutingRule[] {
  return z.array(ZRoutingRule).parse(rules);
}
