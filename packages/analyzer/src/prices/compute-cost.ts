import { scaleToInteger, type ExactDecimal } from './decimal.ts';
import type { UsdE10 } from './money.ts';
import type { PriceSheet } from './price-sheet.ts';
import type { CostBreakdown } from './price-types.ts';

/** Validated token counts in OpenTelemetry terms (input includes cache, output includes reasoning). */
export interface TokenUsage {
  readonly input: bigint;
  readonly output: bigint;
  readonly cacheRead: bigint;
  readonly cacheWrite: bigint;
  readonly reasoning: bigint;
}

/** The outcome of {@link computeCost}. */
export type CostOutcome =
  | { readonly ok: true; readonly total: UsdE10; readonly breakdown: CostBreakdown }
  | { readonly ok: false; readonly detail: string };

// tokens × (USD per 10^6 tokens) = USD × 10^6; × 10^4 more gives USD × 10^10.
function tokenCost(tokens: bigint, perMTok: ExactDecimal): UsdE10 {
  if (tokens === 0n) return 0n;
  return scaleToInteger({ coef: tokens * perMTok.coef, scale: perMTok.scale }, 4);
}

/**
 * Prices token usage with a sheet, exactly. Each part is rounded half to even to 10^-10
 * USD on its own and the total is the sum of the parts, so the breakdown always adds up.
 *
 * - uncached input = input − cache reads − cache writes, at the input rate;
 * - cache reads and writes at their own rates, or the input rate when the sheet has none;
 * - reasoning tokens are output tokens: billed at the output rate, unless the sheet has
 *   a separate reasoning rate;
 * - a per-request fee, when the sheet has one, is charged once.
 *
 * Fails (rather than charging $0) when tokens were used that the sheet has no rate for.
 */
export function computeCost(sheet: PriceSheet, usage: TokenUsage): CostOutcome {
  const uncachedInput = usage.input - usage.cacheRead - usage.cacheWrite;
  const visibleOutput = sheet.reasoning === null ? usage.output : usage.output - usage.reasoning;
  const reasoningTokens = sheet.reasoning === null ? 0n : usage.reasoning;

  const cacheReadRate = sheet.cacheRead ?? sheet.input;
  const cacheWriteRate = sheet.cacheWrite ?? sheet.input;
  const missing: string[] = [];
  if (uncachedInput > 0n && sheet.input === null) missing.push('input');
  if (usage.cacheRead > 0n && cacheReadRate === null) missing.push('cache read');
  if (usage.cacheWrite > 0n && cacheWriteRate === null) missing.push('cache write');
  if (visibleOutput > 0n && sheet.output === null) missing.push('output');
  if (missing.length > 0) {
    return { ok: false, detail: `the price has no ${missing.join(', ')} rate` };
  }

  const breakdown: CostBreakdown = {
    input: sheet.input === null ? 0n : tokenCost(uncachedInput, sheet.input),
    cacheRead: cacheReadRate === null ? 0n : tokenCost(usage.cacheRead, cacheReadRate),
    cacheWrite: cacheWriteRate === null ? 0n : tokenCost(usage.cacheWrite, cacheWriteRate),
    output: sheet.output === null ? 0n : tokenCost(visibleOutput, sheet.output),
    reasoning: sheet.reasoning === null ? 0n : tokenCost(reasoningTokens, sheet.reasoning),
    // USD per 10^3 requests × 1 request × 10^10 = rate × 10^7.
    request: sheet.perThousandRequests === null ? 0n : scaleToInteger(sheet.perThousandRequests, 7),
  };
  const total =
    breakdown.input + breakdown.cacheRead + breakdown.cacheWrite + breakdown.output + breakdown.reasoning + breakdown.request;
  return { ok: true, total, breakdown };
}
