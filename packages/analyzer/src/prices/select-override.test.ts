import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeModel } from './normalize-model.ts';
import type { PriceOverride } from './price-types.ts';
import { selectOverride } from './select-override.ts';

const at = new Date('2026-06-01T00:00:00Z');
const base: PriceOverride = {
  id: 'x',
  provider: null,
  model: 'gpt-4o',
  inputPerMTok: '1',
  outputPerMTok: '2',
  effectiveFrom: new Date('2026-01-01T00:00:00Z'),
  projectId: null,
};
const query = (model = 'gpt-4o-2024-08-06', provider: string | null = 'openai', projectId: string | null = 'p1') => ({
  provider,
  model: normalizeModel(model, provider),
  at,
  projectId,
});

describe('selectOverride', () => {
  it('matches the model in any spelling, and the undated model', () => {
    for (const model of ['gpt-4o', 'openai/gpt-4o', 'GPT-4o']) {
      expect(selectOverride([{ ...base, model }], query('gpt-4o'))?.model).toBe(model);
    }
    expect(selectOverride([base], query('gpt-4o-2024-08-06'))).not.toBeNull();
    expect(selectOverride([{ ...base, model: 'gpt-4o-2024-08-06' }], query('gpt-4o'))).toBeNull();
    expect(selectOverride([base], query('gpt-4o-mini'))).toBeNull();
  });

  it('matches Bedrock and Vertex ids through normalization', () => {
    const claude = { ...base, model: 'claude-3-5-sonnet-20240620' };
    expect(selectOverride([claude], query('us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'aws.bedrock'))).not.toBeNull();
    const vertex = { ...base, model: 'claude-3-5-sonnet-20241022' };
    expect(selectOverride([vertex], query('claude-3-5-sonnet-v2@20241022', 'gcp.vertex_ai'))).not.toBeNull();
  });

  it('respects the provider, when the override names one', () => {
    expect(selectOverride([{ ...base, provider: 'Azure' }], query('gpt-4o', 'azure.ai.openai'))).not.toBeNull();
    expect(selectOverride([{ ...base, provider: 'Azure' }], query('gpt-4o', 'openai'))).toBeNull();
  });

  it('orders: project, exact model, named provider, latest effectiveFrom', () => {
    const org = { ...base, id: 'org', effectiveFrom: new Date('2026-05-01T00:00:00Z') };
    const project = { ...base, id: 'project', projectId: 'p1', effectiveFrom: new Date('2026-02-01T00:00:00Z') };
    expect(selectOverride([org, project], query())?.id).toBe('project');

    const undated = { ...base, id: 'undated', effectiveFrom: new Date('2026-05-01T00:00:00Z') };
    const dated = { ...base, id: 'dated', model: 'gpt-4o-2024-08-06' };
    expect(selectOverride([undated, dated], query())?.id).toBe('dated');

    const anyProvider = { ...base, id: 'any', effectiveFrom: new Date('2026-05-01T00:00:00Z') };
    const named = { ...base, id: 'named', provider: 'openai' };
    expect(selectOverride([anyProvider, named], query())?.id).toBe('named');

    const older = { ...base, id: 'older' };
    const newer = { ...base, id: 'newer', effectiveFrom: new Date('2026-03-01T00:00:00Z') };
    const future = { ...base, id: 'future', effectiveFrom: new Date('2026-07-01T00:00:00Z') };
    expect(selectOverride([older, newer, future], query())?.id).toBe('newer');
  });

  it('never applies another project’s override', () => {
    expect(selectOverride([{ ...base, projectId: 'p2' }], query())).toBeNull();
    expect(selectOverride([{ ...base, projectId: 'p2' }], query('gpt-4o', 'openai', null))).toBeNull();
  });

  it('takes every override as applicable when no project is given (the caller filtered them)', () => {
    const org = { ...base, id: 'org' };
    const project = { ...base, id: 'project', projectId: 'p2' };
    expect(selectOverride([org, project], { ...query(), projectId: undefined })?.id).toBe('project');
  });

  it('property: the chosen override applies, dominates every other applicable one, and ignores order', () => {
    const overrideArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      provider: fc.constantFrom(null, 'openai', 'azure'),
      model: fc.constantFrom('gpt-4o', 'gpt-4o-2024-08-06', 'openai/gpt-4o', 'gpt-4o-mini'),
      inputPerMTok: fc.constant('1'),
      outputPerMTok: fc.constant('1'),
      effectiveFrom: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }),
      projectId: fc.constantFrom(null, 'p1', 'p2'),
    });
    fc.assert(
      fc.property(fc.array(overrideArb, { maxLength: 12 }), fc.constantFrom('p1', 'p2', null), (generated, projectId) => {
        const overrides: PriceOverride[] = generated;
        const q = query('gpt-4o-2024-08-06', 'openai', projectId);
        const chosen = selectOverride(overrides, q);
        const applicable = overrides.filter(
          (o) =>
            o.effectiveFrom <= at &&
            (o.projectId === null || o.projectId === projectId) &&
            (o.provider === null || o.provider === 'openai') &&
            o.model !== 'gpt-4o-mini',
        );
        if (applicable.length === 0) return chosen === null;
        if (chosen === null || !applicable.includes(chosen)) return false;
        const rank = (o: PriceOverride) => [
          o.projectId !== null ? 1 : 0,
          o.model === 'gpt-4o-2024-08-06' ? 1 : 0,
          o.provider !== null ? 1 : 0,
          o.effectiveFrom.getTime(),
        ];
        const chosenRank = rank(chosen);
        const dominated = applicable.some((o) => {
          const r = rank(o);
          for (let i = 0; i < r.length; i++) {
            if (r[i]! !== chosenRank[i]!) return r[i]! > chosenRank[i]!;
          }
          return false;
        });
        const reversed = selectOverride([...overrides].reverse(), q);
        return !dominated && reversed === chosen;
      }),
    );
  });
});
