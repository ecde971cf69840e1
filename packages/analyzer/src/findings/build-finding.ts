import type { BenchmarkCapability } from '../catalog/get-capability.ts';
import { formatUsd } from '../prices/money.ts';
import type { QueryType } from '../query-types/query-type.ts';
import { assessConfidence } from './assess-confidence.ts';
import { DAYS_PER_MONTH, PRICE_RATIO_TOKEN_FACTORS, type MoveEstimate } from './estimate-move.ts';
import type { FindingDraft } from './finding-draft.ts';
import type { AffectedUsage, CostEstimate, Finding, QualityChange, ScoreEvidence } from './findings-types.ts';
import type { GroupContext } from './group-context.ts';
import { formatUsdEstimate } from './usd-estimate.ts';

const SOURCE_LABEL = {
  benchmark: 'catalog evidence',
  project_eval: 'the project’s own evaluation for this feature',
  observed: 'this project’s own calls',
} as const;

/** Dresses a finder's draft as a {@link Finding}: money as strings, evidence, confidence, method. */
export function buildFinding(draft: FindingDraft, context: GroupContext, periodDays: number): Finding {
  const { group } = context;
  const spellings = [...group.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const currentModel = spellings[0]?.[0] ?? group.identity;
  const quality = qualityOf(draft);
  const cost = costOf(draft.estimate, context, currentModel, draft.candidate.model);
  const saving = draft.estimate.monthlySaving;
  const { confidence, reasons } = assessConfidence({
    kind: draft.kind,
    qualitySource: quality.source,
    sampleSize: minSampleSize(quality.current.sampleSize, quality.recommended.sampleSize),
    costMethod: draft.estimate.method,
    calls: group.totals[0]!,
    monthlySaving: saving,
  });
  const candidateEntry = draft.candidate.entry;
  return {
    id: [draft.kind, group.queryType, group.feature ?? '*', group.provider ?? '', group.identity].join(':') + `->${draft.candidate.identity}`,
    kind: draft.kind,
    reason: draft.reason,
    queryType: group.queryType as QueryType,
    feature: group.feature,
    current: {
      provider: group.provider,
      model: currentModel,
      catalogId: group.entry?.id ?? null,
      tier: group.entry?.tier ?? null,
      aliases: spellings.map(([model]) => model).sort(),
    },
    recommended: {
      provider: draft.candidate.provider,
      model: draft.candidate.model,
      catalogId: candidateEntry?.id ?? null,
      tier: candidateEntry?.tier ?? null,
    },
    affected: affectedOf(context, periodDays),
    monthlySavingUsd: { low: formatUsdEstimate(saving.low), point: formatUsdEstimate(saving.point), high: formatUsdEstimate(saving.high) },
    cost,
    quality,
    observed: { current: context.currentFailures, recommended: context.failuresOf(draft.candidate.identity) },
    confidence,
    confidenceReasons: reasons,
    method: methodOf(draft, context, quality, cost),
  };
}

function affectedOf(context: GroupContext, periodDays: number): AffectedUsage {
  const { group } = context;
  const perMonth = DAYS_PER_MONTH / periodDays;
  const byFeature = [...group.features.entries()]
    .sort((a, b) => (b[1].spendE10 > a[1].spendE10 ? 1 : b[1].spendE10 < a[1].spendE10 ? -1 : b[1].calls - a[1].calls || (a[0] < b[0] ? -1 : 1)))
    .slice(0, 10)
    .map(([feature, usage]) => ({ feature, calls: usage.calls, spendUsd: formatUsd(usage.spendE10) }));
  return {
    calls: group.totals[0]!,
    unpricedCalls: group.totals[0]! - group.totals[1]!,
    spendUsd: formatUsd(group.spendE10),
    monthlyCalls: Math.round(group.totals[0]! * perMonth),
    monthlySpendUsd: formatUsdEstimate((Number(group.spendE10) / 1e10) * perMonth),
    byFeature,
  };
}

function scoreOf(benchmark: BenchmarkCapability): ScoreEvidence {
  const sizes = benchmark.evidence.map((e) => e.sampleSize);
  return {
    low: benchmark.low,
    high: benchmark.high,
    point: benchmark.point,
    sampleSize: sizes.some((s) => s === null) ? null : Math.min(...(sizes as number[])),
    sources: benchmark.evidence.map((e) => ({ source: e.source, date: e.date, note: e.note, citation: e.citation ?? null })),
  };
}

function qualityOf(draft: FindingDraft): QualityChange {
  const q = draft.quality;
  if (q.source !== 'observed') {
    const c = q.comparison;
    return {
      source: q.source,
      benchmark: c.benchmark,
      deltaPoints: { low: c.deltaLow, point: c.deltaPoint, high: c.deltaHigh },
      current: scoreOf(c.from),
      recommended: scoreOf(c.to),
    };
  }
  // Observed: success rate = 100 − failure rate, so that higher is better as for benchmarks.
  const success = (f: typeof q.current): ScoreEvidence => ({
    low: round2(100 - f.failureRate.high),
    high: round2(100 - f.failureRate.low),
    point: round2(100 - f.failureRate.point),
    sampleSize: f.calls,
    sources: [{ source: SOURCE_LABEL.observed, date: '', note: 'errors plus truncations at the token limit', citation: null }],
  });
  const current = success(q.current);
  const recommended = success(q.recommended);
  return {
    source: 'observed',
    benchmark: 'calls completed without error or truncation (observed)',
    deltaPoints: {
      low: round2(recommended.low - current.high),
      point: round2(recommended.point! - current.point!),
      high: round2(recommended.high - current.low),
    },
    current,
    recommended,
  };
}

function costOf(estimate: MoveEstimate, context: GroupContext, current: string, target: string): CostEstimate {
  const ratio = estimate.tokenRatio;
  const multiStep = context.queryType === 'coding' || context.queryType === 'agentic';
  const description =
    ratio !== null
      ? `From tokens per call observed on ${context.queryType}: ${target} used ${ratio.input.toFixed(2)}× the input and ` +
        `${ratio.output.toFixed(2)}× the output tokens of ${current}, priced at ${target}’s prices (${estimate.rates.priceVersion}).`
      : `From price ratios: these calls’ own tokens priced at ${target}’s prices (${estimate.rates.priceVersion}); ${target} was ` +
        `not seen often enough on ${context.queryType} to measure its token use, so the range allows ` +
        `${PRICE_RATIO_TOKEN_FACTORS.low}× to ${PRICE_RATIO_TOKEN_FACTORS.high}× the output tokens${multiStep ? ' and input tokens (step counts differ)' : ''}.`;
  return {
    method: estimate.method,
    description,
    currentPerCallUsd: formatUsdEstimate(estimate.currentSpend / estimate.pricedCalls),
    projectedPerCallUsd: formatUsdEstimate(estimate.projectedSpend / estimate.pricedCalls),
    tokenRatio: ratio,
    priceVersion: estimate.rates.priceVersion,
  };
}

function methodOf(draft: FindingDraft, context: GroupContext, quality: QualityChange, cost: CostEstimate): string {
  const tolerance = context.options.tolerancePoints;
  const delta = `${quality.deltaPoints.point >= 0 ? '+' : ''}${quality.deltaPoints.point} points [${quality.deltaPoints.low}, ${quality.deltaPoints.high}]`;
  const why = {
    within_tolerance: `${draft.candidate.model} scores ${delta} on ${quality.benchmark} (${SOURCE_LABEL[quality.source]}), within the ${tolerance}-point tolerance, and costs less.`,
    below_floor: `The current model scores below the ${draft.floor?.minScore}% floor on ${quality.benchmark}; ${draft.candidate.model} is the cheapest model above it (${delta}).`,
    behind_reachable_tier: `${draft.candidate.model}, a higher tier from a provider this project uses, scores ${delta} on ${quality.benchmark} (${SOURCE_LABEL[quality.source]}), more than the ${context.options.gapPoints}-point gap even at the ranges’ pessimistic ends.`,
    observed_failures: `On this project’s own ${context.queryType} calls, the current model errors or truncates clearly more often than ${draft.candidate.model} (${delta} completed calls).`,
  }[draft.reason];
  return `${why} ${cost.description} The monthly range spans the week-to-week variation of the period.`;
}

function minSampleSize(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.min(a, b);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
