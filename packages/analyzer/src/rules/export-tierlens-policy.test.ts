import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../catalog/build-catalog.ts';
import { createModelIdentity } from '../findings/model-identity.ts';
import { exportTierlensPolicy } from './export-tierlens-policy.ts';
import { createRuleMatcher, type RuleSubject } from './match-rule.ts';
import { sampleRules } from './testing/sample-rules.ts';
import { ZTierlensPolicy, type TierlensPolicy } from './tierlens-policy.ts';

// The SDK side of the policy, as ZTierlensPolicy documents it: first rule whose query type,
// feature (null: any), provider (null: any) match and whose `models` list the requested model.
function sdkRoute(policy: TierlensPolicy, call: RuleSubject & { provider: string }): string | null {
  const rule = policy.rules.find(
    (r) =>
      r.when.queryType === call.queryType &&
      (r.when.feature === null || r.when.feature === call.feature) &&
      (r.when.provider === null || r.when.provider === call.provider) &&
      r.when.models.includes(call.model.toLowerCase()),
  );
  return rule?.use.model ?? null;
}

describe('exportTierlensPolicy', () => {
  const rules = sampleRules();
  const policy = exportTierlensPolicy(rules, { generatedAt: new Date('2026-11-22T00:00:00Z') });

  it('writes a versioned policy valid against ZTierlensPolicy, surviving JSON', () => {
    expect(ZTierlensPolicy.parse(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
    expect(policy).toMatchObject({ kind: 'tierlens.routing-policy', version: 1, generatedAt: '2026-11-22T00:00:00.000Z' });
    expect(policy.rules).toHaveLength(4); // the disabled rule is left out
    expect(policy.rules[0]!.when.feature).toBe('triage'); // most specific first
    expect(exportTierlensPolicy([]).generatedAt).toBeNull();
  });

  it('refuses unknown versions and malformed rules', () => {
    expect(ZTierlensPolicy.safeParse({ ...policy, version: 2 }).success).toBe(false);
    expect(ZTierlensPolicy.safeParse({ ...policy, rules: [{ ...policy.rules[0], when: { ...policy.rules[0]!.when, models: [] } }] }).success).toBe(false);
  });

  it('routes the listed spellings as the analyzer’s own rule matcher does', () => {
    const match = createRuleMatcher(rules, createModelIdentity(DEFAULT_CATALOG));
    const calls = [
      { queryType: 'coding', feature: 'review', provider: 'anthropic', model: 'claude-opus-4-6' },
      { queryType: 'coding', feature: '', provider: 'anthropic', model: 'claude-opus-4-6-20260205' },
      { queryType: 'coding', feature: '', provider: 'openai', model: 'gpt-5-nano' },
      { queryType: 'math', feature: '', provider: 'openai', model: 'gpt-5-nano' },
      { queryType: 'expert_qa', feature: 'triage', provider: 'openai', model: 'gpt-4-1106-preview' },
      { queryType: 'expert_qa', feature: 'other', provider: 'openai', model: 'gpt-4-1106-preview' },
      { queryType: 'summarization', feature: '', provider: 'aws.bedrock', model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' },
    ];
    for (const call of calls) expect(sdkRoute(policy, call)).toBe(match(call)?.toModel ?? null);
  });

  it('carries each rule’s mode and canary share, leaves rules that are off out, and reads files without modes as enforced', () => {
    const [a, b, c] = sampleRules();
    const withModes = exportTierlensPolicy([
      { ...a!, mode: 'canary', canaryShare: 0.25 },
      { ...b!, mode: 'off' },
      { ...c!, mode: 'shadow' },
    ]);
    expect(withModes.rules.map((r) => [r.id, r.mode, r.canaryShare])).toEqual([
      [a!.id, 'canary', 0.25],
      [c!.id, 'shadow', null],
    ]);
    const legacy = JSON.parse(JSON.stringify(policy)) as { rules: Array<Record<string, unknown>> };
    for (const r of legacy.rules) {
      delete r.mode;
      delete r.canaryShare;
    }
    expect(ZTierlensPolicy.parse(legacy).rules.every((r) => r.mode === 'enforce' && r.canaryShare === null)).toBe(true);
    expect(ZTierlensPolicy.safeParse({ ...policy, rules: [{ ...policy.rules[0], mode: 'canary', canaryShare: null }] }).success).toBe(false);
  });
});
