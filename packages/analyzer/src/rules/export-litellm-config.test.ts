import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportLitellmConfig, litellmRequestTags } from './export-litellm-config.ts';
import { ZRoutingRule } from './routing-rule.ts';
import { sampleRules } from './testing/sample-rules.ts';

// The LiteLLM proxy config format, as documented:
// - https://docs.litellm.ai/docs/proxy/tag_routing ("Tag Based Routing": `model_list[].litellm_params.tags`,
//   `router_settings.enable_tag_filtering: True`, a `"default"` tag serves untagged requests)
// - https://docs.litellm.ai/docs/proxy/configs (`model_list` entries: `model_name`, `litellm_params.model`
//   as `provider/model`, secrets as `os.environ/NAME`)
const ZLitellmDeployment = z.object({
  model_name: z.string().min(1),
  litellm_params: z.looseObject({
    model: z.string().regex(/^[a-z0-9_]+\/\S+$/, 'provider/model'),
    api_key: z.string().regex(/^os\.environ\/[A-Z][A-Z0-9_]*$/).optional(),
    tags: z.array(z.string().min(1)).min(1),
  }),
  model_info: z.record(z.string(), z.unknown()).optional(),
});
const ZLitellmConfig = z.object({
  model_list: z.array(ZLitellmDeployment).min(1),
  router_settings: z.looseObject({ enable_tag_filtering: z.literal(true) }),
  general_settings: z.record(z.string(), z.unknown()).optional(),
  litellm_settings: z.record(z.string(), z.unknown()).optional(),
});
type Deployment = z.infer<typeof ZLitellmDeployment>;

// LiteLLM's tag filter (litellm/router_strategy/tag_based_routing.py, match_any): deployments
// sharing a request tag; else the "default" ones when no deployment knows the tags; else an error.
function route(list: readonly Deployment[], model: string, tags: readonly string[]): Deployment[] | 'error' {
  const group = list.filter((d) => d.model_name === model);
  const defaults = group.filter((d) => d.litellm_params.tags.includes('default'));
  if (tags.length === 0) return defaults.length > 0 ? defaults : group;
  const matched = group.filter((d) => d.litellm_params.tags.some((t) => tags.includes(t)));
  if (matched.length > 0) return matched;
  const known = group.some((d) => d.litellm_params.tags.some((t) => tags.includes(t)));
  return defaults.length > 0 && !known ? defaults : 'error';
}

// A reader for the YAML subset `formatYaml` writes (block maps and lists, JSON scalars, inline lists).
function readYaml(text: string): unknown {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  let i = 0;
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const value = (raw: string): unknown => JSON.parse(raw);
  function block(indent: number): unknown {
    if (lines[i]!.trimStart().startsWith('- ')) {
      const list: unknown[] = [];
      while (i < lines.length && indentOf(lines[i]!) === indent && lines[i]!.trimStart().startsWith('- ')) {
        const rest = lines[i]!.slice(indent + 2);
        if (/^("[^"]*"|[A-Za-z_]\w*): /.test(rest) || /:$/.test(rest)) {
          lines[i] = ' '.repeat(indent + 2) + rest;
          list.push(block(indent + 2));
        } else {
          list.push(value(rest));
          i++;
        }
      }
      return list;
    }
    const map: Record<string, unknown> = {};
    while (i < lines.length && indentOf(lines[i]!) === indent && !lines[i]!.trimStart().startsWith('- ')) {
      const line = lines[i]!.trim();
      const match = /^("(?:[^"\\]|\\.)*"|[A-Za-z_]\w*):(?: (.*))?$/.exec(line)!;
      const key = match[1]!.startsWith('"') ? (JSON.parse(match[1]!) as string) : match[1]!;
      i++;
      map[key] = match[2] === undefined ? block(indentOf(lines[i]!)) : value(match[2]);
    }
    return map;
  }
  return block(0);
}

describe('exportLitellmConfig', () => {
  const rules = sampleRules();
  const { config, yaml, omitted } = exportLitellmConfig(rules);
  const parsed = ZLitellmConfig.parse(config);

  it('writes a config valid against the documented format, and YAML that reads back to it', () => {
    expect(ZLitellmConfig.parse(config)).toEqual(config);
    expect(readYaml(yaml)).toEqual(config);
    expect(yaml).toContain('enable_tag_filtering: true');
    expect(omitted).toEqual([]);
  });

  it('routes each rule’s tagged requests to its target and everything else to the model itself', () => {
    for (const rule of rules.filter((r) => r.enabled)) {
      for (const name of [rule.fromModel, ...rule.fromModelAliases]) {
        const routed = route(parsed.model_list, name, litellmRequestTags(rule.queryType, rule.feature));
        expect(routed !== 'error' && routed.map((d) => d.litellm_params.model.split('/').slice(1).join('/'))).toEqual([rule.toModel]);
        for (const tags of [[], litellmRequestTags('translation', null), litellmRequestTags(rule.queryType, 'another-feature')]) {
          if (rule.feature === null && tags.includes(`tierlens:${rule.queryType}`)) continue;
          const untouched = route(parsed.model_list, name, tags);
          expect(untouched !== 'error' && untouched.map((d) => d.litellm_params.model.endsWith(`/${name}`))).toEqual([true]);
        }
      }
    }
    const disabled = config.model_list.filter((d) => d.litellm_params.tags.includes('tierlens:math'));
    expect(disabled).toEqual([]);
  });

  it('uses LiteLLM provider prefixes and key variables', () => {
    const models = config.model_list.map((d) => [d.litellm_params.model, d.litellm_params.api_key ?? null]);
    expect(models).toContainEqual(['anthropic/claude-sonnet-4-6', 'os.environ/ANTHROPIC_API_KEY']);
    expect(models).toContainEqual(['mistral/mixtral-8x7b-instruct', 'os.environ/MISTRAL_API_KEY']);
    expect(models).toContainEqual(['bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0', null]);
  });

  it('leaves out a feature rule that a broader rule for the same model would also match', () => {
    const broad = rules[0]!;
    const narrow = ZRoutingRule.parse({ ...broad, id: 'narrow', feature: 'review', toModel: 'claude-haiku-4-5' });
    const result = exportLitellmConfig([broad, narrow]);
    expect(result.omitted.map((o) => o.ruleId)).toEqual(['narrow', 'narrow']);
    expect(ZLitellmConfig.parse(result.config)).toBeTruthy();
  });
});
