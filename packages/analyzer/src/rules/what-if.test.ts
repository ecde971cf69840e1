import { describe, expect, it } from 'vitest';
import { rollupSeries, type SeriesSpec } from '../findings/testing/rollup-series.ts';
import { formatUsd, parseUsd } from '../prices/money.ts';
import { ZRoutingRule, type RoutingRuleInput } from './routing-rule.ts';
import { whatIf } from './what-if.ts';

const start = new Date('2026-10-01T00:00:00Z');
const period = { start, end: new Date('2026-10-29T00:00:00Z') };
const series = (spec: Omit<SeriesSpec, 'start' | 'days'>) => rollupSeries({ start, days: 28, ...spec });
const rule = (input: Omit<RoutingRuleInput, 'id'> & { id?: string }) => ZRoutingRule.parse({ id: `${input.queryType}-${input.feature ?? '*'}-${input.toModel}`, ...input });

const opus = series({ provider: 'anthropic', model: 'claude-opus-4-6', queryType: 'coding', feature: 'review', callsPerDay: 400, inputPerCall: 3000, outputPerCall: 800 });
const opusChat = series({ provider: 'anthropic', model: 'claude-opus-4-6', queryType: 'coding', feature: 'chat', callsPerDay: 100, inputPerCall: 3000, outputPerCall: 800, unpricedPerDay: 10 });
const sonnet = series({ provider: 'anthropic', model: 'claude-sonnet-4-6', queryType: 'coding', callsPerDay: 100, inputPerCall: 3000, outputPerCall: 1200 });
const mini = series({ provider: 'openai', model: 'gpt-4o-mini', queryType: 'classification', callsPerDay: 1000, inputPerCall: 500, outputPerCall: 5 });
const rows = [...opus, ...opusChat, ...sonnet, ...mini];
const total = rows.reduce((sum, row) => sum + parseUsd(row.costUsd), 0n);

describe('whatIf', () => {
  const rules = [
    rule({ queryType: 'coding', feature: null, fromModel: 'claude-opus-4-6', fromProvider: 'anthropic', toModel: 'claude-sonnet-4-6', toProvider: 'anthropic' }),
    rule({ queryType: 'coding', feature: 'review', fromModel: 'claude-opus-4-6', toModel: 'claude-haiku-4-5', toProvider: 'anthropic' }),
  ];
  const result = whatIf({ rows, rules, period });

  it('projects spend as the unmoved spend plus each rule’s projected spend, exactly', () => {
    expect(result.spendUsd).toBe(formatUsd(total));
    const after = result.perRule.reduce((sum, r) => sum + parseUsd(r.spendAfterUsd), 0n);
    const before = result.perRule.reduce((sum, r) => sum + parseUsd(r.spendBeforeUsd), 0n);
    expect(parseUsd(result.projectedSpendUsd)).toBe(parseUsd(result.unmovedSpendUsd) + after);
    expect(parseUsd(result.unmovedSpendUsd) + before).toBe(total);
    expect(parseUsd(result.movedSpendAfterUsd)).toBe(after);
    expect(parseUsd(result.savingUsd)).toBe(before - after);
  });

  it('moves each call by the most specific rule and counts calls per rule', () => {
    const [general, review] = result.perRule;
    expect(review).toMatchObject({ ruleId: rules[1]!.id, callsMoved: 400 * 28, unpricedCallsMoved: 0, costMethod: 'price_ratio' });
    expect(general).toMatchObject({ ruleId: rules[0]!.id, callsMoved: 100 * 28, unpricedCallsMoved: 10 * 28, costMethod: 'observed_tokens' });
    expect(result.callsMoved).toBe(500 * 28);
    // Sonnet writes 1.5× the output of Opus on coding: 3000 × $3 + 1200 × $15 = $0.027 per priced call.
    expect(general?.spendAfterUsd).toBe(formatUsd(BigInt(90 * 28) * 270_000_000n));
    // Haiku at the calls' own tokens: 3000 × $1 + 800 × $5 = $0.007 per call.
    expect(review?.spendAfterUsd).toBe(formatUsd(BigInt(400 * 28) * 70_000_000n));
  });

  it('matches dated spellings and skips disabled rules and other periods', () => {
    const dated = opus.map((row) => ({ ...row, model: 'claude-opus-4-6-20260205' }));
    expect(whatIf({ rows: dated, rules: [rules[1]!], period }).callsMoved).toBe(400 * 28);
    expect(whatIf({ rows, rules: [{ ...rules[0]!, enabled: false }], period }).callsMoved).toBe(0);
    const later = { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') };
    expect(whatIf({ rows, rules, period: later })).toMatchObject({ calls: 0, spendUsd: '0', callsMoved: 0 });
  });
});
