import type { CapabilityEvidence } from './catalog-types.ts';
import { citationText, type CitationInput } from './evidence-sources.ts';

const Z_95 = 1.959963984540054;

/**
 * The Wilson score 95% interval, in percent rounded to one decimal, for a pass rate of
 * `percent` over `n` items: how far a benchmark score could move from sampling the items
 * alone (about ±4 points at 70% on SWE-bench Verified's 500 tasks, ±6 on GPQA Diamond's 198
 * questions, ±17 on AIME's 30 problems).
 */
export function wilsonInterval(percent: number, n: number): { low: number; high: number } {
  if (!(n > 0) || percent < 0 || percent > 100) throw new RangeError('need 0 ≤ percent ≤ 100 and n > 0');
  const p = percent / 100;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  const round = (value: number) => Math.round(value * 1000) / 10;
  return { low: Math.max(0, round(centre - half)), high: Math.min(100, round(centre + half)) };
}

/** What {@link binomialEvidence} needs: a pass rate over `n` items and where it is from. */
export interface BinomialResult {
  readonly benchmark: string;
  /** The headline score, in percent. */
  readonly percent: number;
  /** Items the score is over (tasks, questions, problems). */
  readonly n: number;
  /** The public source the figure is taken from (every built-in figure has one). */
  readonly citation?: CitationInput;
  /** A one-line source, for figures without a citation (e.g. a benchmark's own data). */
  readonly source?: string;
  readonly date: string;
  readonly note?: string;
}

/**
 * Turns a reported pass rate into evidence whose range is its Wilson 95% interval over
 * the benchmark's items. Harness, prompt and sampling differences come on top of this.
 */
export function binomialEvidence(result: BinomialResult): CapabilityEvidence {
  const { low, high } = wilsonInterval(result.percent, result.n);
  return {
    benchmark: result.benchmark,
    score: { low: Math.min(low, result.percent), high: Math.max(high, result.percent), point: result.percent },
    sampleSize: result.n,
    method: `Wilson 95% interval, n=${result.n}`,
    source: result.source ?? (result.citation ? citationText(result.citation) : missingSource()),
    date: result.date,
    note: result.note ?? null,
    citation: result.citation ? { url: null, repository: null, commit: null, path: null, ...result.citation } : null,
    projectResult: null,
  };
}

function missingSource(): never {
  throw new Error('a binomial result needs a citation or a source');
}
