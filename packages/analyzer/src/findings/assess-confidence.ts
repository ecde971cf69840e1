import type { Confidence, CostMethod } from './findings-types.ts';

/** Calls in the period below which a finding is at most medium confidence. */
export const CONFIDENT_CALLS = 1000;

/** What a finding's confidence is judged from. */
export interface ConfidenceInput {
  readonly kind: 'overpaying' | 'underbidding';
  readonly qualitySource: 'benchmark' | 'project_eval' | 'observed';
  /** Smallest number of benchmark items behind either model's score; null when unknown. */
  readonly sampleSize: number | null;
  readonly costMethod: CostMethod;
  readonly calls: number;
  readonly monthlySaving: { readonly low: number; readonly point: number; readonly high: number };
}

const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/**
 * Starts at high and lowers the confidence for each weakness, saying why:
 * a benchmark of fewer than 30 items (low) or 100 items or an unknown size (medium);
 * a cost from price ratios rather than observed tokens (medium); an overpaying saving whose
 * range reaches into extra cost (medium); fewer than {@link CONFIDENT_CALLS} calls (medium).
 */
export function assessConfidence(input: ConfidenceInput): { confidence: Confidence; reasons: string[] } {
  let confidence: Confidence = 'high';
  const reasons: string[] = [];
  const cap = (level: Confidence, reason: string) => {
    if (RANK[level] < RANK[confidence]) confidence = level;
    reasons.push(reason);
  };
  if (input.qualitySource !== 'observed') {
    if (input.sampleSize === null) cap('medium', 'the benchmark’s sample size is unknown');
    else if (input.sampleSize < 30) cap('low', `the quality evidence rests on ${input.sampleSize} items`);
    else if (input.sampleSize < 100) cap('medium', `the quality evidence rests on ${input.sampleSize} items`);
  }
  if (input.costMethod === 'price_ratio') {
    cap('medium', 'cost from price ratios: the recommended model was not seen often enough on this query type');
  }
  if (input.kind === 'overpaying' && input.monthlySaving.low < 0) {
    cap('medium', 'the saving range reaches into extra cost');
  }
  if (input.calls < CONFIDENT_CALLS) cap('medium', `only ${input.calls} calls in the period`);
  return { confidence, reasons };
}
