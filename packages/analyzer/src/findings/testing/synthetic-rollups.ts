import { formatUsd } from '../../prices/money.ts';
import { seededRandom } from '../../query-types/training/seeded-random.ts';
import type { RollupRow } from '../rollup-row.ts';

/** Sizes of a synthetic project. */
export interface SyntheticProjectSpec {
  readonly start: Date;
  readonly days: number;
  readonly totalCalls: number;
  readonly seed: number;
}

// Ten models with list prices (USD per million tokens: input, output, cache read).
const MODELS = [
  ['anthropic', 'claude-opus-4-6', 5, 25, 0.5],
  ['anthropic', 'claude-sonnet-4-6', 3, 15, 0.3],
  ['anthropic', 'claude-haiku-4-5', 1, 5, 0.1],
  ['openai', 'gpt-5', 1.25, 10, 0.125],
  ['openai', 'gpt-5-mini', 0.25, 2, 0.025],
  ['openai', 'gpt-5-nano', 0.05, 0.4, 0.005],
  ['openai', 'gpt-4o-2024-08-06', 2.5, 10, 1.25],
  ['openai', 'gpt-4o-mini', 0.15, 0.6, 0.075],
  ['gcp.gen_ai', 'gemini-2.5-pro', 1.25, 10, 0.125],
  ['gcp.gen_ai', 'gemini-2.5-flash', 0.3, 2.5, 0.03],
] as const;

// Query types with typical input and output tokens per call.
const QUERY_TYPES = [
  ['coding', 6000, 900],
  ['agentic', 12000, 600],
  ['math', 800, 700],
  ['expert_qa', 1500, 600],
  ['summarization', 5000, 300],
  ['extraction', 2500, 250],
  ['classification', 600, 10],
  ['translation', 900, 900],
  ['creative_writing', 400, 800],
  ['general_chat', 900, 400],
] as const;

const FEATURES = ['chat', 'code-review', 'support-bot', 'docs-search', ''] as const;

/** A Poisson draw (Knuth below 30, normal approximation above). */
function poisson(rand: () => number, mean: number): number {
  if (mean > 30) {
    const u = Math.max(rand(), 1e-12);
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k += 1;
    p *= rand();
  }
  return k;
}

/**
 * A realistic, sparse set of hourly rollups for one project: ten models over ten query
 * types, five features and two environments, Zipf-like volumes, a daily cycle, and rows
 * only for the hours a combination had calls. 10M calls over 90 days give about 200k rows.
 * Deterministic for a seed; costs come from the list prices above (not from `priceCall`).
 */
export function generateSyntheticRollups(spec: SyntheticProjectSpec): RollupRow[] {
  const rand = seededRandom(spec.seed);
  const combos: { model: (typeof MODELS)[number]; type: (typeof QUERY_TYPES)[number]; feature: string; environment: string; weight: number }[] = [];
  MODELS.forEach((model, m) => {
    QUERY_TYPES.forEach((type, q) => {
      if (rand() > 0.5) return; // each model serves about half of the query types
      for (const feature of FEATURES) {
        if (rand() > 0.45) continue;
        for (const environment of ['production', 'staging']) {
          const weight = (1 / (1 + m)) * (1 / (1 + q * 0.5)) * (environment === 'production' ? 1 : 0.08) * (0.2 + rand());
          combos.push({ model, type, feature, environment, weight });
        }
      }
    });
  });
  const totalWeight = combos.reduce((sum, c) => sum + c.weight, 0);
  const hours = spec.days * 24;
  const perHour = spec.totalCalls / hours;
  const rows: RollupRow[] = [];
  for (let h = 0; h < hours; h++) {
    const hour = new Date(spec.start.getTime() + h * 3_600_000);
    const cycle = 1 + 0.6 * Math.sin(((h % 24) - 8) * (Math.PI / 12));
    for (const c of combos) {
      const calls = poisson(rand, (perHour * cycle * c.weight) / totalWeight);
      if (calls === 0) continue;
      const [provider, model, inPrice, outPrice, cachePrice] = c.model;
      const [queryType, inputPerCall, outputPerCall] = c.type;
      const inputTokens = Math.round(calls * inputPerCall * (0.7 + 0.6 * rand()));
      const outputTokens = Math.round(calls * outputPerCall * (0.7 + 0.6 * rand()));
      const cacheReadTokens = Math.round(inputTokens * 0.3 * rand());
      const costE10 = Math.round(((inputTokens - cacheReadTokens) * inPrice + cacheReadTokens * cachePrice + outputTokens * outPrice) * 1e4);
      rows.push({
        hour,
        provider,
        model,
        queryType,
        feature: c.feature,
        environment: c.environment,
        calls,
        errorCalls: rand() < 0.1 ? 1 : 0,
        truncatedCalls: rand() < 0.05 ? Math.min(calls, 1) : 0,
        unpricedCalls: 0,
        inputTokens,
        outputTokens,
        cacheReadTokens,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
        costUsd: formatUsd(BigInt(costE10)),
        durationMsSum: calls * 1500,
        ttftMsSum: calls * 400,
        ttftCalls: calls,
      });
    }
  }
  return rows;
}
