import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportPortkeyConfig } from './export-portkey-config.ts';
import { sampleRules } from './testing/sample-rules.ts';

// Portkey's conditional-routing config, as documented at
// https://portkey.ai/docs/product/ai-gateway/conditional-routing:
// `strategy.mode: "conditional"`, `strategy.conditions[]` of `{ query, then }` and `strategy.default`
// (both required), `targets[]` with unique `name`s and provider details (`provider: "@slug"`,
// optional `override_params`); query keys are two-segment `metadata.<key>` / `params.<key>` or
// `url.pathname`, with operators $eq $ne $in $nin $regex $gt $gte $lt $lte and logical $and / $or.
const ZOperand = z.union([z.string(), z.number(), z.boolean()]);
const ZOperators = z
  .strictObject({
    $eq: ZOperand,
    $ne: ZOperand,
    $in: z.array(ZOperand),
    $nin: z.array(ZOperand),
    $regex: z.string(),
    $gt: z.number(),
    $gte: z.number(),
    $lt: z.number(),
    $lte: z.number(),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'an operator');
const ZQueryKey = z.string().regex(/^(?:(?:metadata|params)\.[^.]+|url\.pathname)$/, 'metadata.<key>, params.<key> or url.pathname');
type Query = { $and: Query[] } | { $or: Query[] } | Record<string, unknown>;
const ZQuery: z.ZodType<Query> = z.lazy(() =>
  z.union([
    z.strictObject({ $and: z.array(ZQuery).min(1) }),
    z.strictObject({ $or: z.array(ZQuery).min(1) }),
    z.record(ZQueryKey, z.union([ZOperand, ZOperators])),
  ]),
);
const ZTarget = z.looseObject({
  name: z.string().min(1),
  provider: z.string().regex(/^@?[a-z0-9-]+$/).optional(),
  virtual_key: z.string().optional(),
  override_params: z.looseObject({ model: z.string().min(1) }).optional(),
});
const ZPortkeyConditionalConfig = z
  .object({
    strategy: z.object({
      mode: z.literal('conditional'),
      conditions: z.array(z.object({ query: ZQuery, then: z.string().min(1) })),
      default: z.string().min(1),
    }),
    targets: z.array(ZTarget).min(1),
  })
  .superRefine((config, ctx) => {
    const names = config.targets.map((t) => t.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'target names must be unique' });
    for (const name of [...config.strategy.conditions.map((c) => c.then), config.strategy.default]) {
      if (!names.includes(name)) ctx.addIssue({ code: 'custom', message: `unknown target ${name}` });
    }
    for (const t of config.targets) if (!t.provider && !t.virtual_key) ctx.addIssue({ code: 'custom', message: 'provider details' });
  });
type PortkeyConfig = z.infer<typeof ZPortkeyConditionalConfig>;

// Portkey's evaluation (src/services/conditionalRouter.ts in Portkey-AI/gateway): first passing condition, else default.
function resolve(config: PortkeyConfig, context: { metadata: Record<string, string>; params: Record<string, string> }) {
  const lookup = (key: string) => {
    const [root, name] = key.split('.') as ['metadata' | 'params', string];
    return context[root]?.[name];
  };
  const passes = (query: Query): boolean =>
    Object.entries(query).every(([key, condition]) => {
      if (key === '$and') return (condition as Query[]).every(passes);
      if (key === '$or') return (condition as Query[]).some(passes);
      const value = lookup(key);
      if (typeof condition !== 'object' || condition === null) return value === condition;
      return Object.entries(condition).every(([op, operand]) =>
        op === '$eq' ? value === operand : op === '$in' ? (operand as unknown[]).includes(value) : op === '$ne' ? value !== operand : false,
      );
    });
  const name = config.strategy.conditions.find((c) => passes(c.query))?.then ?? config.strategy.default;
  const target = config.targets.find((t) => t.name === name)!;
  return { provider: target.provider, model: target.override_params?.model ?? context.params.model };
}

describe('exportPortkeyConfig', () => {
  const rules = sampleRules();
  const { config: exported } = exportPortkeyConfig(rules, { providerSlugs: { openai: 'openai-prod' } });
  const config = ZPortkeyConditionalConfig.parse(exported);

  it('writes a config valid against the documented conditional-routing format', () => {
    expect(config).toEqual(exported);
    expect(config.targets.map((t) => t.provider)).toContain('@openai-prod');
  });

  it('sends each rule’s calls to its target and leaves other calls on their own model', () => {
    for (const rule of rules.filter((r) => r.enabled)) {
      for (const model of [rule.fromModel, ...rule.fromModelAliases]) {
        const metadata = { query_type: rule.queryType, ...(rule.feature ? { feature: rule.feature } : {}) };
        expect(resolve(config, { metadata, params: { model } }).model).toBe(rule.toModel);
        expect(resolve(config, { metadata: { query_type: 'translation' }, params: { model } }).model).toBe(model);
        if (rule.feature) expect(resolve(config, { metadata: { query_type: rule.queryType, feature: 'other' }, params: { model } }).model).toBe(model);
      }
    }
    expect(resolve(config, { metadata: { query_type: 'math' }, params: { model: 'gpt-5-nano' } })).toEqual({ provider: '@openai-prod', model: 'gpt-5-nano' });
    expect(resolve(config, { metadata: {}, params: { model: 'claude-opus-4-6' } })).toEqual({ provider: '@anthropic', model: 'claude-opus-4-6' });
  });

  it('puts feature rules before any-feature rules (Portkey takes the first that passes)', () => {
    const first = config.strategy.conditions[0]!.query as { $and: Record<string, unknown>[] };
    expect(first.$and).toContainEqual({ 'metadata.feature': { $eq: 'triage' } });
  });
});
