import { describe, expect, it } from 'vitest';
import { splitUnpricedCalls } from './split-unpriced-calls.ts';

const AT = new Date('2026-11-20T00:00:00Z');

describe('splitUnpricedCalls', () => {
  it('tells a model without a price from a priced model whose calls reported no usage', () => {
    const { noPrice, noUsage } = splitUnpricedCalls(
      [
        { provider: 'openai', model: 'gpt-4o', calls: 12 }, // has a public price: its unpriced calls had no usage
        { provider: 'openai.chat', model: 'gpt-4o', calls: 3 }, // same canonical provider, merged
        { provider: 'acme', model: 'in-house-llm', calls: 7 }, // no price anywhere
        { provider: 'anthropic', model: 'claude-sonnet-4-5', calls: 0 }, // nothing unpriced
      ],
      { at: AT },
    );
    expect(noPrice.map((m) => [m.provider, m.model, m.calls])).toEqual([['acme', 'in-house-llm', 7]]);
    expect(noUsage).toEqual([{ provider: 'openai', model: 'gpt-4o', calls: 15 }]);
  });

  it('a price override moves a model from "no price" to "no usage"', () => {
    const rows = [{ provider: 'acme', model: 'in-house-llm', calls: 7 }];
    const override = { id: 'o1', provider: 'acme', model: 'in-house-llm', inputPerMTok: '1', outputPerMTok: '2', cacheReadPerMTok: null, cacheWritePerMTok: null, effectiveFrom: new Date(0), projectId: null };
    expect(splitUnpricedCalls(rows, { at: AT }).noPrice).toHaveLength(1);
    expect(splitUnpricedCalls(rows, { at: AT, overrides: [override] })).toEqual({ noPrice: [], noUsage: [{ provider: 'acme', model: 'in-house-llm', calls: 7 }] });
  });
});
