import { modelLifecycle, type ModelRetirement } from '../catalog/model-lifecycle.ts';
import { DEFAULT_CATALOG, type Catalog } from '../catalog/build-catalog.ts';
import type { Confidence, Finding, FindingsResult, UsdRange } from '../findings/findings-types.ts';
import { formatUsd, parseUsd } from '../prices/money.ts';
import type { PriceOverride } from '../prices/price-types.ts';
import { splitUnpricedCalls } from '../prices/split-unpriced-calls.ts';
import { ruleFrom } from '../rules/synthesize-rules.ts';
import { buildModelStats } from './build-model-stats.ts';
import { buildQueryTypeMatrix } from './build-query-type-matrix.ts';
import type { RollupRow } from '../findings/rollup-row.ts';
import { summarizeSpend } from './summarize-spend.ts';
import type {
  ReportWeek,
  WeeklyFinding,
  WeeklyLinks,
  WeeklyModelLine,
  WeeklyQueryTypeLine,
  WeeklyReport,
  WeeklyRest,
  WeeklyRisks,
  WeeklySavings,
} from './weekly-report.ts';

/** How much a weekly report lists; the rest is summed into one line. */
export interface WeeklyReportOptions {
  readonly queryTypes: number;
  readonly models: number;
  readonly savings: number;
  readonly risks: number;
  readonly unpricedModels: number;
  /** Findings below this confidence are left out (the default of `synthesizeRules`). */
  readonly minConfidence: Confidence;
}

export const DEFAULT_WEEKLY_REPORT_OPTIONS: WeeklyReportOptions = {
  queryTypes: 6,
  models: 6,
  savings: 3,
  risks: 3,
  unpricedModels: 5,
  minConfidence: 'medium',
};

/** The input of {@link buildWeeklyReport}: rows already loaded, nothing else read. */
export interface BuildWeeklyReportInput {
  readonly project: { readonly id: string; readonly name: string };
  readonly week: ReportWeek;
  /** The week's rollup rows, in any bucket, grouped at least by provider, model and query type. */
  readonly current: readonly RollupRow[];
  /** The week before, grouped the same way (for the changes). */
  readonly previous: readonly RollupRow[];
  /** `computeFindings` over the week's rows; null when findings are not computed. */
  readonly findings: FindingsResult | null;
  /** The dashboard's public URL, for the links. */
  readonly dashboardUrl: string;
  readonly catalog?: Catalog;
  /** The project's and its organization's price overrides: whether an unpriced model has a price. */
  readonly priceOverrides?: readonly PriceOverride[];
  /** Announced retirements (the built-in list, plus the organization's corrections appended). */
  readonly retirements?: readonly ModelRetirement[];
  readonly options?: Partial<WeeklyReportOptions>;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/**
 * The weekly email report as data: the week's spend and its change from the week before,
 * spend by query type and by model, the largest savings with the rule to apply, the
 * underbidding risks, the unpriced models and links to the dashboard. Pure: the figures are
 * the ones `summarizeSpend`, `buildQueryTypeMatrix`, `buildModelStats` and `computeFindings`
 * give for the same rows, so the email says what the dashboard says.
 */
export function buildWeeklyReport(input: BuildWeeklyReportInput): WeeklyReport {
  const options: WeeklyReportOptions = { ...DEFAULT_WEEKLY_REPORT_OPTIONS, ...input.options };
  const catalog = input.catalog ?? DEFAULT_CATALOG;
  const spend = summarizeSpend(input.current, input.previous);
  const grand = parseUsd(spend.current.costUsd);

  const matrix = buildQueryTypeMatrix(input.current, catalog);
  const unpricedByType = new Map<string, number>();
  for (const r of input.current) unpricedByType.set(r.queryType, (unpricedByType.get(r.queryType) ?? 0) + r.unpricedCalls);
  const previousByType = new Map(buildQueryTypeMatrix(input.previous, catalog).queryTypes.map((q) => [q.queryType, q.costUsd]));
  const queryTypeLines: WeeklyQueryTypeLine[] = matrix.queryTypes.map((q) => ({
    queryType: q.queryType,
    topModel: q.models[0]?.model ?? null,
    unpricedCalls: unpricedByType.get(q.queryType) ?? 0,
    ...spendLine(q.costUsd, q.calls, grand, previousByType.get(q.queryType) ?? '0'),
  }));

  const previousByModel = new Map(buildModelStats(input.previous, catalog).map((m) => [modelKey(m), m.costUsd]));
  const modelLines: WeeklyModelLine[] = buildModelStats(input.current, catalog).map((m) => ({
    model: m.model,
    provider: m.provider,
    tier: m.tier,
    unpricedCalls: m.unpricedCalls,
    ...spendLine(m.costUsd, m.calls, grand, previousByModel.get(modelKey(m)) ?? '0'),
  }));

  const [byQueryType, byQueryTypeRest] = split(queryTypeLines, options.queryTypes);
  const [byModel, byModelRest] = split(modelLines, options.models);
  const advice = input.findings ? confidentAdvice(input.findings, options.minConfidence) : null;

  const unpriced = splitUnpricedCalls(
    modelLines.map((m) => ({ provider: m.provider, model: m.model, calls: m.unpricedCalls })),
    { at: input.week.end, overrides: input.priceOverrides ?? [] },
  );
  return {
    project: { id: input.project.id, name: input.project.name },
    week: input.week,
    spend,
    byQueryType,
    byQueryTypeRest,
    byModel,
    byModelRest,
    savings: advice ? savingsOf(advice.savings, options.savings) : null,
    risks: advice ? risksOf(advice.risks, options.risks) : null,
    unpricedModels: unpriced.noPrice.map((m) => ({ provider: m.provider ?? '', model: m.model, calls: m.calls })).slice(0, options.unpricedModels),
    noUsageModels: unpriced.noUsage.map((m) => ({ provider: m.provider ?? '', model: m.model, calls: m.calls })).slice(0, options.unpricedModels),
    retiringModels: modelLines
      .flatMap((m) => {
        const life = modelLifecycle(m.provider, m.model, input.week.end, input.retirements);
        return life.status === 'active'
          ? []
          : [{ provider: m.provider, model: m.model, calls: m.calls, status: life.status, retires: life.retires, replacement: life.retirement.replacement, sourceUrl: life.retirement.source.url }];
      })
      .sort((a, b) => a.retires.localeCompare(b.retires) || b.calls - a.calls),
    links: linksOf(input.dashboardUrl, input.project.id),
  };
}

function spendLine(costUsd: string, calls: number, grand: bigint, previousCostUsd: string) {
  const cost = parseUsd(costUsd);
  const previous = parseUsd(previousCostUsd);
  return {
    costUsd,
    calls,
    share: grand > 0n ? Number((cost * 1_000_000n) / grand) / 1_000_000 : 0,
    previousCostUsd: formatUsd(previous),
    // The same relative change as `summarizeSpend` computes for the totals.
    costChange: previous > 0n ? (Number(costUsd) - Number(previousCostUsd)) / Number(previousCostUsd) : null,
  };
}

function modelKey(m: { provider: string; model: string }): string {
  return `${m.provider}\u0000${m.model}`;
}

function split<T extends { costUsd: string; calls: number; unpricedCalls: number }>(lines: readonly T[], limit: number): [T[], WeeklyRest | null] {
  const rest = lines.slice(limit);
  if (rest.length === 0) return [lines.slice(), null];
  const sum = (pick: (l: T) => number) => rest.reduce((a, l) => a + pick(l), 0);
  return [
    lines.slice(0, limit),
    { count: rest.length, costUsd: formatUsd(rest.reduce((a, l) => a + parseUsd(l.costUsd), 0n)), calls: sum((l) => l.calls), unpricedCalls: sum((l) => l.unpricedCalls) },
  ];
}

function confidentAdvice(findings: FindingsResult, minConfidence: Confidence) {
  const confident = findings.findings.filter((f) => CONFIDENCE_RANK[f.confidence] >= CONFIDENCE_RANK[minConfidence]);
  return {
    savings: confident
      .filter((f) => f.kind === 'overpaying' && parseUsd(f.monthlySavingUsd.point) > 0n)
      .sort((a, b) => compareUsd(b.monthlySavingUsd.point, a.monthlySavingUsd.point) || byId(a, b)),
    risks: confident
      .filter((f) => f.kind === 'underbidding')
      .sort((a, b) => compareUsd(b.affected.spendUsd, a.affected.spendUsd) || b.affected.calls - a.affected.calls || byId(a, b)),
  };
}

function savingsOf(findings: readonly Finding[], limit: number): WeeklySavings {
  const sum = (pick: (r: UsdRange) => string) => formatUsd(findings.reduce((a, f) => a + parseUsd(pick(f.monthlySavingUsd)), 0n));
  return {
    totalMonthlySavingUsd: { low: sum((r) => r.low), point: sum((r) => r.point), high: sum((r) => r.high) },
    items: findings.slice(0, limit).map(weeklyFindingOf),
    more: Math.max(0, findings.length - limit),
  };
}

function risksOf(findings: readonly Finding[], limit: number): WeeklyRisks {
  return { items: findings.slice(0, limit).map(weeklyFindingOf), more: Math.max(0, findings.length - limit) };
}

function weeklyFindingOf(f: Finding): WeeklyFinding {
  const rule = ruleFrom(f);
  const when = [`query type = ${rule.queryType}`, ...(rule.feature === null ? [] : [`feature = ${rule.feature}`]), `model = ${rule.fromModel}`];
  return {
    findingId: f.id,
    queryType: f.queryType,
    feature: f.feature,
    currentModel: f.current.model,
    recommendedModel: f.recommended.model,
    monthlySavingUsd: f.monthlySavingUsd,
    calls: f.affected.calls,
    spendUsd: f.affected.spendUsd,
    qualityDeltaPoints: f.quality.deltaPoints.point,
    benchmark: f.quality.benchmark,
    qualitySource: f.quality.source,
    confidence: f.confidence,
    rule: {
      queryType: rule.queryType,
      feature: rule.feature,
      fromModel: rule.fromModel,
      toModel: rule.toModel,
      text: `when ${when.join(' and ')} → use ${rule.toModel}`,
    },
  };
}

function compareUsd(a: string, b: string): number {
  const x = parseUsd(a);
  const y = parseUsd(b);
  return x > y ? 1 : x < y ? -1 : 0;
}

function byId(a: Finding, b: Finding): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function linksOf(dashboardUrl: string, projectId: string): WeeklyLinks {
  const base = `${dashboardUrl.replace(/\/+$/, '')}/p/${encodeURIComponent(projectId)}`;
  const page = (path: string) => `${base}${path}?range=7d`;
  return {
    overview: page(''),
    queryTypes: page('/query-types'),
    models: page('/models'),
    savings: page('/savings'),
    rules: page('/rules'),
    reports: `${base}/reports`,
    settings: `${base}/settings#reports`,
  };
}
