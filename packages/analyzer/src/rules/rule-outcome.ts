/**
 * What a routing rule did, measured from the calls tagged with it: realized saving against the
 * predicted one, and whether the routed side is clearly worse than the calls it replaced. Pure:
 * the caller reads the per-group sums from the database.
 */

/** Sums over one group of a rule's calls (routed, control or shadow) in a period. */
export interface RuleGroupSums {
  readonly calls: number;
  /** Calls with a computed cost; cost per call is over these only. */
  readonly pricedCalls: number;
  /** Sum of the priced calls' cost, USD. */
  readonly costUsd: number;
  readonly errorCalls: number;
  readonly truncatedCalls: number;
  readonly durationMsSum: number;
  readonly durationMsSquaresSum: number;
}

/** The tagged calls of one rule in a period, by group. */
export interface RuleCallSums {
  /** Rewritten to the rule's model (enforce, or the canary's share). */
  readonly routed: RuleGroupSums;
  /** A canary's control group: matched, deliberately left on the original model. */
  readonly control: RuleGroupSums;
  /** Matched and left alone because the rule (or the app) was in shadow mode, or the rule was skipped. */
  readonly shadow: RuleGroupSums;
}

export interface RuleOutcomeInput {
  readonly sums: RuleCallSums;
  /** The finding's predicted saving per matched call (monthly saving ÷ monthly calls), USD; null without evidence. */
  readonly predictedSavingPerCallUsd: number | null;
  /**
   * How much worse the routed side may be before it counts as clearly worse, as a rate (0.02 = 2
   * points): the finding's own expected quality drop (its delta's pessimistic end), at least
   * {@link MIN_MARGIN}.
   */
  readonly margin: number;
  /** Fewest calls on each side before quality is compared. Default {@link MIN_CALLS_TO_COMPARE}. */
  readonly minCalls?: number;
}

/** A rate with its Wilson 95% interval (fractions, 0–1). */
export interface Rate {
  readonly count: number;
  readonly calls: number;
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** A mean latency with its normal 95% interval, ms. */
export interface MeanLatency {
  readonly calls: number;
  readonly meanMs: number | null;
  readonly lowMs: number | null;
  readonly highMs: number | null;
}

export interface QualitySignal<T> {
  readonly routed: T;
  readonly baseline: T;
  /** True when the routed side's interval lies beyond the baseline's by more than the margin. */
  readonly clearlyWorse: boolean;
}

export interface RuleOutcome {
  readonly calls: { readonly seen: number; readonly routed: number; readonly control: number; readonly shadow: number };
  /** What routed calls are compared with: the canary's control group, else the shadowed calls; null when neither has priced calls. */
  readonly baseline: 'control' | 'shadow' | null;
  readonly costPerCallUsd: { readonly routed: number | null; readonly baseline: number | null };
  /** (baseline cost per call − routed cost per call) × routed calls; null until both sides have priced calls. */
  readonly realizedSavingUsd: number | null;
  /** The finding's prediction for the same routed calls; null without evidence. */
  readonly predictedSavingUsd: number | null;
  readonly quality: {
    readonly errorRate: QualitySignal<Rate>;
    readonly truncationRate: QualitySignal<Rate>;
    readonly latency: QualitySignal<MeanLatency>;
  };
  /** `insufficient` until both sides have `minCalls`; `worse` when a signal is clearly worse. */
  readonly verdict: 'insufficient' | 'ok' | 'worse';
  /** Why the verdict is `worse`, in words, e.g. "error rate 40.0% routed vs 5.0% control". */
  readonly reasons: readonly string[];
}

/** Fewest calls per side before routed and baseline are compared. */
export const MIN_CALLS_TO_COMPARE = 30;
/** The smallest margin used, so a finding predicting no quality change does not pause on noise. */
export const MIN_MARGIN = 0.02;
/** Latency counts as clearly worse when the routed mean's low end exceeds the baseline's high end by this factor. */
export const LATENCY_FACTOR = 1.5;

const Z_95 = 1.959963984540054;

/** The margin for a finding's quality delta in points (e.g. {low: -4.1, point: -1.2}): its pessimistic drop, as a rate. */
export function marginFromQualityDelta(deltaPoints: { readonly low: number } | null | undefined): number {
  const drop = deltaPoints ? Math.max(0, -deltaPoints.low) / 100 : 0;
  return Math.max(MIN_MARGIN, drop);
}

/** See {@link RuleOutcome}. */
export function ruleOutcome(input: RuleOutcomeInput): RuleOutcome {
  const { routed, control, shadow } = input.sums;
  const minCalls = input.minCalls ?? MIN_CALLS_TO_COMPARE;
  const baselineKind = control.calls > 0 ? 'control' : shadow.calls > 0 ? 'shadow' : null;
  const base = baselineKind === 'control' ? control : baselineKind === 'shadow' ? shadow : EMPTY;
  const routedPerCall = perCall(routed);
  const basePerCall = perCall(base);
  const realized = routedPerCall !== null && basePerCall !== null ? (basePerCall - routedPerCall) * routed.calls : null;
  const errorRate = compareRates(rate(routed.errorCalls, routed.calls), rate(base.errorCalls, base.calls), input.margin);
  const truncationRate = compareRates(rate(routed.truncatedCalls, routed.calls), rate(base.truncatedCalls, base.calls), input.margin);
  const latency = compareLatency(meanLatency(routed), meanLatency(base));
  const enough = routed.calls >= minCalls && base.calls >= minCalls;
  const reasons: string[] = [];
  const side = baselineKind ?? 'baseline';
  if (enough) {
    if (errorRate.clearlyWorse) reasons.push(`error rate ${pct(errorRate.routed.rate)} routed vs ${pct(errorRate.baseline.rate)} ${side}`);
    if (truncationRate.clearlyWorse) reasons.push(`truncation rate ${pct(truncationRate.routed.rate)} routed vs ${pct(truncationRate.baseline.rate)} ${side}`);
    if (latency.clearlyWorse) reasons.push(`mean latency ${ms(latency.routed.meanMs)} routed vs ${ms(latency.baseline.meanMs)} ${side}`);
  }
  return {
    calls: { seen: routed.calls + control.calls + shadow.calls, routed: routed.calls, control: control.calls, shadow: shadow.calls },
    baseline: basePerCall === null ? null : baselineKind,
    costPerCallUsd: { routed: routedPerCall, baseline: basePerCall },
    realizedSavingUsd: realized,
    predictedSavingUsd: input.predictedSavingPerCallUsd === null ? null : input.predictedSavingPerCallUsd * routed.calls,
    quality: {
      errorRate: enough ? errorRate : { ...errorRate, clearlyWorse: false },
      truncationRate: enough ? truncationRate : { ...truncationRate, clearlyWorse: false },
      latency: enough ? latency : { ...latency, clearlyWorse: false },
    },
    verdict: !enough ? 'insufficient' : reasons.length > 0 ? 'worse' : 'ok',
    reasons,
  };
}

const EMPTY: RuleGroupSums = { calls: 0, pricedCalls: 0, costUsd: 0, errorCalls: 0, truncatedCalls: 0, durationMsSum: 0, durationMsSquaresSum: 0 };

function perCall(g: RuleGroupSums): number | null {
  return g.pricedCalls > 0 ? g.costUsd / g.pricedCalls : null;
}

/** The Wilson score 95% interval of `count` out of `calls`, as fractions. */
export function wilson(count: number, calls: number): { low: number; high: number } {
  if (!(calls > 0)) return { low: 0, high: 1 };
  const p = count / calls;
  const z2 = Z_95 * Z_95;
  const d = 1 + z2 / calls;
  const centre = (p + z2 / (2 * calls)) / d;
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / calls + z2 / (4 * calls * calls))) / d;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function rate(count: number, calls: number): Rate {
  if (calls <= 0) return { count, calls, rate: null, low: null, high: null };
  const { low, high } = wilson(count, calls);
  return { count, calls, rate: count / calls, low, high };
}

function compareRates(routed: Rate, baseline: Rate, margin: number): QualitySignal<Rate> {
  const worse = routed.low !== null && baseline.high !== null && routed.low - baseline.high > margin;
  return { routed, baseline, clearlyWorse: worse };
}

function meanLatency(g: RuleGroupSums): MeanLatency {
  if (g.calls <= 0) return { calls: 0, meanMs: null, lowMs: null, highMs: null };
  const mean = g.durationMsSum / g.calls;
  const variance = g.calls > 1 ? Math.max(0, (g.durationMsSquaresSum - g.calls * mean * mean) / (g.calls - 1)) : 0;
  const half = Z_95 * Math.sqrt(variance / g.calls);
  return { calls: g.calls, meanMs: mean, lowMs: Math.max(0, mean - half), highMs: mean + half };
}

function compareLatency(routed: MeanLatency, baseline: MeanLatency): QualitySignal<MeanLatency> {
  const worse = routed.lowMs !== null && baseline.highMs !== null && routed.lowMs > baseline.highMs * LATENCY_FACTOR;
  return { routed, baseline, clearlyWorse: worse };
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);
