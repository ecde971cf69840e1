import type { ModelIdentity } from '../findings/model-identity.ts';
import { normalizeProvider } from '../prices/normalize-provider.ts';
import type { RoutingRule } from './routing-rule.ts';

/** The dimensions of a call (or rollup row) that rules look at. */
export interface RuleSubject {
  readonly queryType: string;
  readonly feature: string;
  /** Raw provider; `''` or null when unknown. */
  readonly provider: string | null;
  readonly model: string;
}

/**
 * Orders rules the way they are applied: enabled rules only; a rule naming a feature before
 * one for every feature; a rule naming a provider before one for every provider; otherwise
 * in the order given. Exporters emit rules in this order, so every target applies the same
 * rule to the same call.
 */
export function orderRules(rules: readonly RoutingRule[]): RoutingRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.enabled)
    .sort(
      (a, b) =>
        Number(a.rule.feature === null) - Number(b.rule.feature === null) ||
        Number(a.rule.fromProvider === null) - Number(b.rule.fromProvider === null) ||
        a.index - b.index,
    )
    .map(({ rule }) => rule);
}

/**
 * Builds a matcher returning the rule that applies to a call, or null: the first rule in
 * {@link orderRules} order whose query type matches, whose feature is null or equal, whose
 * provider is null or equal (canonical), and whose model is the call's model by identity
 * (catalog id or normalized name: dated ids and prefixes match) or one of its aliases.
 * Memoized per distinct subject.
 */
export function createRuleMatcher(
  rules: readonly RoutingRule[],
  identify: (provider: string | null, model: string) => ModelIdentity,
): (subject: RuleSubject) => RoutingRule | null {
  const byModel = new Map<string, RoutingRule[]>();
  for (const rule of orderRules(rules)) {
    const identities = new Set(
      [rule.fromModel, ...rule.fromModelAliases].map((model) => identify(rule.fromProvider, model).identity),
    );
    for (const identity of identities) {
      const key = `${rule.queryType}\u0000${identity}`;
      byModel.set(key, [...(byModel.get(key) ?? []), rule]);
    }
  }
  const cache = new Map<string, RoutingRule | null>();
  return (subject) => {
    const provider = subject.provider === '' ? null : subject.provider;
    const cacheKey = `${subject.queryType}\u0000${subject.feature}\u0000${provider ?? ''}\u0000${subject.model}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const identity = identify(provider, subject.model).identity;
    const canonical = normalizeProvider(provider);
    const found =
      byModel
        .get(`${subject.queryType}\u0000${identity}`)
        ?.find(
          (rule) =>
            (rule.feature === null || rule.feature === subject.feature) &&
            (rule.fromProvider === null || normalizeProvider(rule.fromProvider) === canonical),
        ) ?? null;
    cache.set(cacheKey, found);
    return found;
  };
}
