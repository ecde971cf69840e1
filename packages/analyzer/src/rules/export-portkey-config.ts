import { normalizeProvider } from '../prices/normalize-provider.ts';
import { gatewayProvider } from './gateway-providers.ts';
import { orderRules } from './match-rule.ts';
import type { RoutingRule } from './routing-rule.ts';

type PortkeyMatch = { readonly $eq: string } | { readonly $in: readonly string[] };

/** A Portkey condition query: `$and` of metadata / request-parameter matches, or one match. */
export type PortkeyQuery = { readonly $and: readonly Readonly<Record<string, PortkeyMatch>>[] } | Readonly<Record<string, PortkeyMatch>>;

/** A Portkey gateway config with the conditional routing strategy. */
export interface PortkeyConfig {
  readonly strategy: {
    readonly mode: 'conditional';
    readonly conditions: readonly { readonly query: PortkeyQuery; readonly then: string }[];
    readonly default: string;
  };
  readonly targets: readonly { readonly name: string; readonly provider: string; readonly override_params?: { readonly model: string } }[];
}

/** Options of {@link exportPortkeyConfig}. */
export interface PortkeyExportOptions {
  /**
   * The slug of each provider as added in the Portkey workspace, by canonical provider id
   * (`{ anthropic: 'anthropic-prod' }` → `"provider": "@anthropic-prod"`). Defaults to
   * Portkey's own provider id (`@anthropic`, `@openai`, `@bedrock`, …).
   */
  readonly providerSlugs?: Readonly<Record<string, string>>;
  /** The provider calls no condition matches are sent to; defaults to the rules' most common one. */
  readonly defaultProvider?: string;
}

/**
 * Writes rules as a Portkey conditional-routing config
 * (https://portkey.ai/docs/product/ai-gateway/conditional-routing). Each rule becomes a
 * condition on the request's metadata (`metadata.query_type`, and `metadata.feature` for
 * feature rules; the app sends them in `x-portkey-metadata`) and requested model
 * (`params.model`), whose target overrides the model (`override_params.model`). Conditions
 * are in rule order (most specific first: Portkey takes the first that passes). After them,
 * one pass-through condition per provider sends the other calls of the rules' models to
 * their own provider unchanged; `default` is a pass-through to the most common provider.
 */
export function exportPortkeyConfig(rules: readonly RoutingRule[], options: PortkeyExportOptions = {}): { config: PortkeyConfig } {
  const ordered = orderRules(rules);
  const slug = (provider: string | null) => {
    const canonical = normalizeProvider(provider);
    const own = canonical ? options.providerSlugs?.[canonical] : undefined;
    return own ?? gatewayProvider(canonical)?.portkey ?? 'openai';
  };
  const targets = new Map<string, PortkeyConfig['targets'][number]>();
  const target = (provider: string | null, model: string) => {
    const name = `${slug(provider)}-${model}`.replace(/[^A-Za-z0-9_.-]+/g, '-');
    if (!targets.has(name)) targets.set(name, { name, provider: `@${slug(provider)}`, override_params: { model } });
    return name;
  };

  const conditions: PortkeyConfig['strategy']['conditions'][number][] = [];
  const modelsByProvider = new Map<string, Set<string>>();
  for (const rule of ordered) {
    const models = [...new Set([rule.fromModel, ...rule.fromModelAliases])];
    const clauses: Record<string, { $eq: string } | { $in: string[] }>[] = [{ 'metadata.query_type': { $eq: rule.queryType } }];
    if (rule.feature !== null) clauses.push({ 'metadata.feature': { $eq: rule.feature } });
    clauses.push({ 'params.model': { $in: models } });
    conditions.push({ query: { $and: clauses }, then: target(rule.toProvider, rule.toModel) });
    const provider = slug(rule.fromProvider);
    const seen = modelsByProvider.get(provider) ?? new Set<string>();
    for (const model of models) seen.add(model);
    modelsByProvider.set(provider, seen);
  }
  const providers = [...modelsByProvider.entries()].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  for (const [provider, models] of providers) {
    conditions.push({ query: { 'params.model': { $in: [...models].sort() } }, then: passthrough(provider) });
  }
  const defaultSlug = options.defaultProvider ? slug(options.defaultProvider) : (providers[0]?.[0] ?? 'openai');
  const fallback = passthrough(defaultSlug);
  return { config: { strategy: { mode: 'conditional', conditions, default: fallback }, targets: [...targets.values()] } };

  function passthrough(providerSlug: string): string {
    const name = `passthrough-${providerSlug}`;
    if (!targets.has(name)) targets.set(name, { name, provider: `@${providerSlug}` });
    return name;
  }
}
