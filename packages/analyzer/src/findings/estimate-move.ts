import type { CostMethod } from './findings-types.ts';
import { costOf, type ModelRates, type RateBook, type TokenMix } from './model-rates.ts';
import { F, FIELD_COUNT, type UsageStats } from './usage-stats.ts';

/** Average days per month (365.2425 / 12): the period's rate is scaled to this. */
export const DAYS_PER_MONTH = 30.436875;

/** In the price-ratio method, the candidate may use this many times fewer or more tokens. */
export const PRICE_RATIO_TOKEN_FACTORS = { low: 0.5, high: 2 } as const;

/** Query types where the number of steps (hence input tokens too) varies between models. */
const MULTI_STEP_QUERY_TYPES: ReadonlySet<string> = new Set(['coding', 'agentic']);

/** Below this many calls per bucket for either model, a bucket uses the period's token ratio. */
const MIN_BUCKET_CALLS = 10;

/** The estimated cost of moving some calls to another model. */
export interface MoveEstimate {
  readonly method: CostMethod;
  /** Candidate ÷ current tokens per call on the query type (observed method). */
  readonly tokenRatio: { readonly input: number; readonly output: number } | null;
  readonly rates: ModelRates;
  /** Current priced spend of the calls over the period, in USD. */
  readonly currentSpend: number;
  /** The same priced calls on the candidate, in USD. */
  readonly projectedSpend: number;
  readonly pricedCalls: number;
  /** Saving per month (current − projected; negative: extra cost), range and point. */
  readonly monthlySaving: { readonly low: number; readonly point: number; readonly high: number };
}

/** What the estimate needs to know about the period and the observed traffic. */
export interface MoveContext {
  readonly rateBook: RateBook;
  readonly periodDays: number;
  readonly bucketCount: number;
  readonly daysPerBucket: number;
  readonly minObservedCalls: number;
}

interface Projection {
  readonly inputScale: number;
  readonly outputScale: number;
  /** Cache and reasoning shares of the candidate's own traffic, or null to keep the calls' own. */
  readonly shares: { cacheRead: number; cacheWrite: number; reasoning: number } | null;
}

/**
 * Estimates what `calls` (a group's stats) would cost on a candidate model, from the tokens
 * each model uses per call on the query type when both were seen often enough (`current`
 * and `candidate` are their query-type-wide stats), else by pricing the calls' own tokens at
 * the candidate's prices. The range spans the week-to-week (or day-to-day) variation of
 * the period and, for price ratios, a candidate using half to twice the output tokens
 * (and input tokens for coding and agentic calls, where step counts differ).
 */
export function estimateMove(
  queryType: string,
  calls: UsageStats,
  current: UsageStats | undefined,
  candidate: UsageStats | undefined,
  target: { readonly provider: string | null; readonly model: string },
  context: MoveContext,
): MoveEstimate | null {
  const pricedCalls = calls.totals[F.pricedCalls]!;
  if (pricedCalls <= 0) return null;
  const observed =
    current !== undefined &&
    candidate !== undefined &&
    current.totals[F.calls]! >= context.minObservedCalls &&
    candidate.totals[F.calls]! >= context.minObservedCalls;
  const periodProjection = observed ? projectionFrom(current.totals, candidate.totals, 0) : PLAIN;
  const inputPerCall = (calls.totals[F.input]! / calls.totals[F.calls]!) * periodProjection.inputScale;
  const rates = context.rateBook(target.provider, target.model, inputPerCall);
  if (rates === null) return null;

  const multiStep = MULTI_STEP_QUERY_TYPES.has(queryType);
  const cost = (v: Float64Array, o: number, p: Projection, factor: number) =>
    costOf(rates, projectMix(v, o, p, factor, multiStep ? factor : 1));
  const currentSpend = calls.totals[F.spend]!;
  const projectedSpend = cost(calls.totals, 0, periodProjection, 1);
  const perMonth = DAYS_PER_MONTH / context.periodDays;
  const point = (currentSpend - projectedSpend) * perMonth;
  let low = point;
  let high = point;
  const widen = (value: number) => {
    low = Math.min(low, value);
    high = Math.max(high, value);
  };
  const factors = observed ? [1] : [PRICE_RATIO_TOKEN_FACTORS.low, PRICE_RATIO_TOKEN_FACTORS.high];
  for (const factor of factors) widen((currentSpend - cost(calls.totals, 0, periodProjection, factor)) * perMonth);
  const bucketsSeen = context.bucketCount;
  if (bucketsSeen >= 2) {
    const perBucketMonth = DAYS_PER_MONTH / context.daysPerBucket;
    for (let b = 0; b < bucketsSeen; b++) {
      const o = b * FIELD_COUNT;
      const projection =
        observed &&
        current.buckets[o + F.calls]! >= MIN_BUCKET_CALLS &&
        candidate.buckets[o + F.calls]! >= MIN_BUCKET_CALLS
          ? projectionFrom(current.buckets, candidate.buckets, o)
          : periodProjection;
      for (const factor of factors) {
        widen((calls.buckets[o + F.spend]! - cost(calls.buckets, o, projection, factor)) * perBucketMonth);
      }
    }
  } else if (observed) {
    // Too short a period to see variation: a ±25% band around the point.
    widen(point - Math.abs(point) * 0.25);
    widen(point + Math.abs(point) * 0.25);
  }
  return {
    method: observed ? 'observed_tokens' : 'price_ratio',
    tokenRatio: observed ? { input: periodProjection.inputScale, output: periodProjection.outputScale } : null,
    rates,
    currentSpend,
    projectedSpend,
    pricedCalls,
    monthlySaving: { low, point, high },
  };
}

const PLAIN: Projection = { inputScale: 1, outputScale: 1, shares: null };

function projectionFrom(current: Float64Array, candidate: Float64Array, o: number): Projection {
  const perCall = (v: Float64Array, field: number) => v[o + field]! / Math.max(1, v[o + F.calls]!);
  const ratio = (field: number) => {
    const mine = perCall(current, field);
    return mine > 0 ? perCall(candidate, field) / mine : 1;
  };
  const share = (part: number, whole: number) => (candidate[o + whole]! > 0 ? candidate[o + part]! / candidate[o + whole]! : 0);
  return {
    inputScale: ratio(F.input),
    outputScale: ratio(F.output),
    shares: { cacheRead: share(F.cacheRead, F.input), cacheWrite: share(F.cacheWrite, F.input), reasoning: share(F.reasoning, F.output) },
  };
}

/** The priced calls' tokens as the candidate would use them. */
function projectMix(v: Float64Array, o: number, p: Projection, outputFactor: number, inputFactor: number): TokenMix {
  const calls = v[o + F.calls]!;
  const priced = calls > 0 ? v[o + F.pricedCalls]! / calls : 0;
  const input = v[o + F.input]! * priced * p.inputScale * inputFactor;
  const output = v[o + F.output]! * priced * p.outputScale * outputFactor;
  const ownInput = v[o + F.input]!;
  const ownOutput = v[o + F.output]!;
  const shares = p.shares ?? {
    cacheRead: ownInput > 0 ? v[o + F.cacheRead]! / ownInput : 0,
    cacheWrite: ownInput > 0 ? v[o + F.cacheWrite]! / ownInput : 0,
    reasoning: ownOutput > 0 ? v[o + F.reasoning]! / ownOutput : 0,
  };
  return {
    calls: calls * priced,
    input,
    output,
    cacheRead: input * shares.cacheRead,
    cacheWrite: input * shares.cacheWrite,
    reasoning: output * shares.reasoning,
  };
}
