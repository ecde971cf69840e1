import { orderRules } from './match-rule.ts';
import type { RoutingRule } from './routing-rule.ts';
import { TIERLENS_POLICY_VERSION, ZTierlensPolicy, type TierlensPolicy } from './tierlens-policy.ts';

/**
 * Writes rules as a Tierlens routing policy for the SDK (see {@link ZTierlensPolicy}):
 * enabled rules whose mode is not `off` only (a paused rule is off), most specific first, each with the model spellings it matches and a
 * short rationale. The result is validated against the schema before it is returned.
 */
export function exportTierlensPolicy(rules: readonly RoutingRule[], options: { readonly generatedAt?: Date } = {}): TierlensPolicy {
  return ZTierlensPolicy.parse({
    kind: 'tierlens.routing-policy',
    version: TIERLENS_POLICY_VERSION,
    generatedAt: options.generatedAt ? options.generatedAt.toISOString() : null,
    rules: orderRules(rules.filter((rule) => rule.mode !== 'off')).map((rule) => ({
      id: rule.id,
      when: {
        queryType: rule.queryType,
        feature: rule.feature,
        provider: rule.fromProvider,
        models: [...new Set([rule.fromModel, ...rule.fromModelAliases].map((model) => model.toLowerCase()))],
      },
      use: { model: rule.toModel, provider: rule.toProvider },
      mode: rule.mode,
      canaryShare: rule.canaryShare,
      rationale: rule.evidence
        ? {
            kind: rule.evidence.kind,
            confidence: rule.evidence.confidence,
            monthlySavingUsd: rule.evidence.monthlySavingUsd,
            qualityDeltaPoints: rule.evidence.quality.deltaPoints.point,
            benchmark: rule.evidence.quality.benchmark,
          }
        : null,
    })),
  });
}
