import { describe, expect, it } from 'vitest';
import { computeFindings } from '../findings/compute-findings.ts';
import { buildModelStats } from './build-model-stats.ts';
import { buildQueryTypeMatrix } from './build-query-type-matrix.ts';
import { buildWeeklyReport } from './build-weekly-report.ts';
import type { RollupRow } from '../findings/rollup-row.ts';
import { summarizeSpend } from './summarize-spend.ts';

const DAY = 86_400_000;
const start = new Date('2026-11-16T00:00:00Z');
const end = new Date(start.getTime() + 7 * DAY);
const week = { start, end, firstDay: '2026-11-16', lastDay: '2026-11-22', timeZone: 'UTC' };

function rows(from: Date, specs: Array<[provider: string, model: string, queryType: string, callsPerDay: number, inT: number, outT: number, costPerCall: string]>): RollupRow[] {
  return specs.flatMap(([provider, model, queryType, calls, inT, outT, perCall]) =>
    Array.from({ length: 7 }, (_, d) => ({
      hour: new Date(from.getTime() + d * DAY + 10 * 3_600_000), provider, model, queryType, feature: '', environment: 'prod',
      calls, errorCalls: 0, truncatedCalls: 0, unpricedCalls: perCall === '' ? calls : 0, inputTokens: inT * calls, outputTokens: outT * calls,
      cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costUsd: perCall === '' ? '0' : (Number(perCall) * calls).toFixed(6),
      durationMsSum: 1000 * calls, ttftMsSum: 0, ttftCalls: 0,
    })),
  );
}

const current = rows(start, [
  ['anthropic', 'claude-opus-4-6', 'coding', 100, 6000, 900, '0.0525'],
  ['anthropic', 'claude-sonnet-4-6', 'coding', 20, 6000, 900, '0.0315'],
  ['openai', 'gpt-5-nano', 'coding', 60, 6000, 900, '0.00066'],
  ['openai', 'gpt-5', 'coding', 30, 6000, 900, '0.0165'],
  ['openai', 'gpt-4o-mini', 'summarization', 80, 5000, 300, '0.000930'],
  ['acme', 'in-house-7b', 'classification', 40, 600, 10, ''],
]);
const previous = rows(new Date(start.getTime() - 7 * DAY), [
  ['anthropic', 'claude-opus-4-6', 'coding', 80, 6000, 900, '0.0525'],
  ['openai', 'gpt-4o-mini', 'summarization', 80, 5000, 300, '0.000930'],
]);
const findings = computeFindings({ rows: current, period: { start, end } });
const input = { project: { id: 'p-1', name: 'Checkout' }, week, current, previous, findings, dashboardUrl: 'https://tierlens.example.com/' };

describe('buildWeeklyReport', () => {
  const report = buildWeeklyReport(input);

  it('has the analyzer’s totals and change from last week', () => {
    expect(report.spend).toEqual(summarizeSpend(current, previous));
    expect(report.spend.costChange).toBeGreaterThan(0);
  });

  it('has spend by query type and by model equal to the matrix and model stats, with last week’s spend', () => {
    const matrix = buildQueryTypeMatrix(current);
    expect(report.byQueryType.map((q) => [q.queryType, q.costUsd, q.calls, q.share])).toEqual(matrix.queryTypes.map((q) => [q.queryType, q.costUsd, q.calls, q.share]));
    expect(report.byQueryType[0]).toMatchObject({ queryType: 'coding', topModel: 'claude-opus-4-6' });
    const summarization = report.byQueryType.find((q) => q.queryType === 'summarization')!;
    expect(summarization.previousCostUsd).toBe(summarization.costUsd);
    expect(summarization.costChange).toBe(0);
    const stats = buildModelStats(current);
    expect(report.byModel.map((m) => [m.model, m.costUsd, m.calls])).toEqual(stats.map((m) => [m.model, m.costUsd, m.calls]));
    expect(report.byModel.find((m) => m.model === 'gpt-5')!.costChange).toBeNull();
  });

  it('lists the confident savings with money and the rule to apply, and sums them', () => {
    const overpaying = findings.findings.filter((f) => f.kind === 'overpaying' && f.confidence !== 'low');
    expect(overpaying.length).toBeGreaterThan(0);
    expect(report.savings!.items[0]).toMatchObject({
      currentModel: 'claude-opus-4-6',
      recommendedModel: 'claude-sonnet-4-6',
      monthlySavingUsd: overpaying[0]!.monthlySavingUsd,
      rule: { text: 'when query type = coding and model = claude-opus-4-6 → use claude-sonnet-4-6' },
    });
    // Every confident overpaying finding is summed (since the LMArena import, gpt-5 → Claude Haiku 4.5 on coding too).
    expect(report.savings!.items).toHaveLength(overpaying.length);
    const sum = overpaying.reduce((total, f) => total + Number(f.monthlySavingUsd.point), 0);
    expect(Number(report.savings!.totalMonthlySavingUsd.point)).toBeCloseTo(sum, 6);
  });

  it('lists underbidding as risks', () => {
    // gpt-5-nano below the coding floor, and (since the LMArena import) gpt-4o-mini far behind GPT-5 on long prompts.
    expect(report.risks!.items.map((r) => [r.currentModel, r.queryType]).sort()).toEqual([['gpt-4o-mini', 'summarization'], ['gpt-5-nano', 'coding']]);
    for (const risk of report.risks!.items) expect(risk.qualityDeltaPoints).toBeGreaterThan(10);
  });

  it('says which models have no price', () => {
    expect(report.unpricedModels).toEqual([{ provider: 'acme', model: 'in-house-7b', calls: 280 }]);
  });

  it('links to the dashboard', () => {
    expect(report.links.savings).toBe('https://tierlens.example.com/p/p-1/savings?range=7d');
    expect(report.links.settings).toBe('https://tierlens.example.com/p/p-1/settings#reports');
  });

  it('leaves savings and risks out when findings were not computed, and folds long lists', () => {
    const plain = buildWeeklyReport({ ...input, findings: null, options: { models: 2 } });
    expect(plain.savings).toBeNull();
    expect(plain.risks).toBeNull();
    expect(plain.byModel).toHaveLength(2);
    expect(plain.byModelRest).toMatchObject({ count: 4 });
    const all = buildModelStats(current);
    const restCalls = all.slice(2).reduce((a, m) => a + m.calls, 0);
    expect(plain.byModelRest!.calls).toBe(restCalls);
  });

  it('reports an empty week without dividing by zero', () => {
    const empty = buildWeeklyReport({ ...input, current: [], previous: [], findings: null });
    expect(empty.spend.current.costUsd).toBe('0');
    expect(empty.byQueryType).toEqual([]);
    expect(empty.spend.costChange).toBeNull();
  });
});

describe('buildWeeklyReport: models their maker is retiring', () => {
  it('lists models with calls that are deprecated at the week’s end, with the date and the notice', () => {
    // The week of 16 November 2026: GPT-5 and GPT-5 nano retire on 11 December, GPT-4o mini on 14 January.
    const report = buildWeeklyReport(input);
    expect(report.retiringModels.map((m) => [m.model, m.status, m.retires])).toEqual([
      ['gpt-5-nano', 'deprecated', '2026-12-11'],
      ['gpt-5', 'deprecated', '2026-12-11'],
      ['gpt-4o-mini', 'deprecated', '2027-01-14'],
    ]);
    expect(report.retiringModels[0]!.sourceUrl).toMatch(/^https:\/\/developers\.openai\.com\//);
  });

  it('follows the organization’s corrections, appended to the list', () => {
    const report = buildWeeklyReport({ ...input, current: current.filter((r) => r.provider === 'anthropic'), retirements: [{ provider: 'anthropic', models: ['claude-opus-4-6'], announced: '2026-11-01', retires: '2027-05-01', replacement: null, source: { url: 'https://platform.claude.com/docs/en/about-claude/model-deprecations', title: 'x', checked: '2026-12-04' } }] });
    expect(report.retiringModels.map((m) => m.model)).toEqual(['claude-opus-4-6']);
  });
});
