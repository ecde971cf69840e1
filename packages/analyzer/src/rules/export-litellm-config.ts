import { formatYaml } from './format-yaml.ts';
import { gatewayProvider } from './gateway-providers.ts';
import { orderRules } from './match-rule.ts';
import type { RoutingRule } from './routing-rule.ts';

/** One deployment in LiteLLM's `model_list`. */
export interface LitellmDeployment {
  /** The model name the app requests. */
  readonly model_name: string;
  readonly litellm_params: {
    /** `provider/model` as LiteLLM routes it. */
    readonly model: string;
    readonly api_key?: string;
    readonly tags: readonly string[];
  };
}

/** A LiteLLM proxy config (the parts the rules need). */
export interface LitellmConfig {
  readonly model_list: readonly LitellmDeployment[];
  readonly router_settings: { readonly enable_tag_filtering: true };
}

/** The outcome of {@link exportLitellmConfig}. */
export interface LitellmExport {
  readonly config: LitellmConfig;
  /** The config as YAML for the proxy's `config.yaml`. */
  readonly yaml: string;
  /** Rules the config could not express, and why. */
  readonly omitted: readonly { readonly ruleId: string; readonly reason: string }[];
}

/**
 * The tags a request must carry (`"tags": [...]` in the body, or `metadata.tags`) for the
 * exported LiteLLM config to route it: one for its query type, one for query type and feature.
 */
export function litellmRequestTags(queryType: string, feature: string | null): string[] {
  return feature ? [`tierlens:${queryType}`, `tierlens:${queryType}/${feature}`] : [`tierlens:${queryType}`];
}

/**
 * Writes rules as a LiteLLM proxy config using tag-based routing
 * (https://docs.litellm.ai/docs/proxy/tag_routing): for every model name a rule applies to,
 * one deployment per rule serving the rule's target and tagged with the rule's tag
 * (`tierlens:<query type>` or `tierlens:<query type>/<feature>`), and one deployment of the
 * model itself tagged `default`, which serves untagged requests and tags no deployment has;
 * `router_settings.enable_tag_filtering` is on. Requests carry `litellmRequestTags(...)`.
 *
 * LiteLLM sends a request to any deployment sharing one of its tags, so two rules for one
 * model name that a single request could both match (a feature rule and an any-feature rule
 * with different targets) cannot both be expressed: the less specific one is kept and the
 * other is listed in `omitted`, as are rules differing only in provider.
 */
export function exportLitellmConfig(rules: readonly RoutingRule[]): LitellmExport {
  const omitted: { ruleId: string; reason: string }[] = [];
  const groups = new Map<string, { from: RoutingRule; routes: { tag: string; rule: RoutingRule }[] }>();
  // Any-feature rules first, so a conflicting feature rule is the one left out.
  const ordered = orderRules(rules).sort((a, b) => Number(a.feature !== null) - Number(b.feature !== null));
  for (const rule of ordered) {
    const tag = litellmRequestTags(rule.queryType, rule.feature).at(-1)!;
    for (const name of new Set([rule.fromModel, ...rule.fromModelAliases])) {
      const group = groups.get(name) ?? { from: rule, routes: [] };
      groups.set(name, group);
      const clash = group.routes.find(
        (route) =>
          route.rule.queryType === rule.queryType &&
          (route.tag === tag || route.rule.feature === null || rule.feature === null) &&
          route.rule.toModel !== rule.toModel,
      );
      const same = group.routes.find((route) => route.tag === tag);
      if (clash) {
        omitted.push({ ruleId: rule.id, reason: `requests for ${name} tagged ${tag} would also match rule ${clash.rule.id}` });
      } else if (!same) {
        group.routes.push({ tag, rule });
      }
    }
  }

  const model_list: LitellmDeployment[] = [];
  for (const [name, group] of [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const { tag, rule } of group.routes) model_list.push(deployment(name, rule.toProvider, rule.toModel, [tag]));
    model_list.push(deployment(name, group.from.fromProvider, name, ['default']));
  }
  const config: LitellmConfig = { model_list, router_settings: { enable_tag_filtering: true } };
  const yaml = formatYaml(config as never, [
    'LiteLLM proxy config written by Tierlens from routing rules (tag-based routing).',
    'Requests carry their query type as a tag, e.g. "tags": ["tierlens:coding", "tierlens:coding/<feature>"].',
  ].join('\n'));
  return { config, yaml, omitted };
}

function deployment(name: string, provider: string | null, model: string, tags: string[]): LitellmDeployment {
  const gateway = gatewayProvider(provider);
  return {
    model_name: name,
    litellm_params: {
      model: gateway ? `${gateway.litellm}/${model}` : model,
      ...(gateway?.litellmKeyEnv ? { api_key: `os.environ/${gateway.litellmKeyEnv}` } : {}),
      tags,
    },
  };
}
