/**
 * Loads the routing-backtest datasets from ../shared/data/routing-backtest (relative to the
 * repository) as items: one task or prompt, its feature (MMLU subject, SWE-bench repository),
 * and per model whether it was right and what it cost. Applies the README's caveats.
 *
 * Data: RouteLLM evaluation responses (lm-sys/RouteLLM @0b64fdaf, Apache-2.0; prompts from
 * MMLU and GSM8K, MIT) and SWE-bench bash-only per-instance results (SWE-bench/
 * swe-bench.github.io @f1176b65, © SWE-bench, CC BY-NC 4.0: used here for a non-commercial
 * benchmark, with attribution; not copied into any package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { lookupModel } from '../../packages/analyzer/src/catalog/lookup-model.ts';
import type { CapabilityQueryType } from '../../packages/analyzer/src/catalog/catalog-types.ts';
import { priceCall } from '../../packages/analyzer/src/prices/price-call.ts';

/** The folder the datasets are read from. */
export const DATA_DIR = fileURLToPath(new URL('../../../shared/data/routing-backtest/', import.meta.url));

/** One model's result on an item. */
export interface ItemResult {
  readonly correct: boolean;
  readonly costUsd: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** A prompt or task with every model's result, keyed by catalog id. */
export interface Item {
  readonly id: string;
  readonly feature: string;
  readonly results: ReadonlyMap<string, ItemResult>;
}

/** A dataset ready to backtest. */
export interface Dataset {
  readonly name: string;
  readonly queryType: CapabilityQueryType;
  /** Catalog ids and providers of the models, strong first. */
  readonly models: readonly { readonly id: string; readonly provider: string }[];
  readonly strong: string;
  readonly weak: string;
  readonly items: readonly Item[];
  /** Exact cost strings are needed for rollups; SWE-bench costs are priced at $1/M "cost tokens". */
  readonly costTokens: boolean;
  readonly attribution: string;
}

// README caveat 6: RouteLLM's own evaluations drop these (overlap with its router training data).
const CONTAMINATED = new Set([
  'mmlu/college_chemistry/37', 'mmlu/electrical_engineering/71', 'mmlu/high_school_european_history/4',
  'mmlu/high_school_microeconomics/48', 'mmlu/machine_learning/0', 'gsm8k/0', 'gsm8k/1', 'gsm8k/2', 'gsm8k/18',
  'gsm8k/67', 'gsm8k/147', 'gsm8k/233', 'gsm8k/269', 'gsm8k/285', 'gsm8k/364', 'gsm8k/530', 'gsm8k/932',
]);
// Caveat 4: GPT-4's score there is a scoring artifact (3% with four choices).
const DROPPED_SUBJECTS = new Set(['high_school_mathematics']);
// Caveat 1: per-instance flags disagree with the headline.
const DROPPED_SWE_MODELS = new Set(['claude-3-7-sonnet-20250219']);

const ZRouteLlmRow = z.object({
  id: z.string(),
  subject: z.string(),
  prompt: z.string(),
  strong_model: z.string(),
  weak_model: z.string(),
  strong_correct: z.boolean(),
  weak_correct: z.boolean(),
});
const ZSweRow = z.object({
  model: z.string(),
  model_tag: z.string(),
  instance_id: z.string(),
  resolved: z.boolean(),
  cost_usd: z.number().nonnegative(),
  api_calls: z.number().int().nonnegative(),
});

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  const path = `${DATA_DIR}${file}`;
  if (!existsSync(path)) {
    throw new Error(
      `Backtest data not found: ${path}\nThe backtest reads /work/shared/data/routing-backtest (see its README); ` +
        'run it from a checkout that has ../shared/data/routing-backtest next to the repository.',
    );
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

function catalogId(name: string): { id: string; provider: string } {
  const entry = lookupModel(null, name);
  if (!entry) throw new Error(`model ${name} is not in the catalog`);
  return { id: entry.id, provider: entry.provider };
}

const PRICE_DATE = new Date('2026-11-22T00:00:00Z');

/** RouteLLM MMLU (feature = subject) or GSM8K (one feature): GPT-4-1106-preview vs Mixtral 8x7B. */
export function loadRouteLlm(which: 'mmlu' | 'gsm8k'): Dataset {
  const rows = readJsonl(`routellm-${which}.jsonl`, ZRouteLlmRow).filter(
    (row) => !CONTAMINATED.has(row.id) && !DROPPED_SUBJECTS.has(row.subject),
  );
  const strong = catalogId(rows[0]!.strong_model);
  const weak = catalogId(rows[0]!.weak_model);
  // Tokens: about 4 characters per token for the prompt as stored (few-shot prefixes are not in
  // the data); MMLU answers are one token, GSM8K answers are taken as 150 tokens of reasoning.
  const outputTokens = which === 'mmlu' ? 1 : 150;
  const costs = new Map<string, number>();
  const cost = (model: { id: string; provider: string }, inputTokens: number) => {
    const key = `${model.id}/${inputTokens}`;
    if (!costs.has(key)) {
      const price = priceCall({ provider: model.provider, model: model.id, inputTokens, outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, at: PRICE_DATE });
      if (price.status !== 'priced') throw new Error(`${model.id} is unpriced: ${price.detail}`);
      costs.set(key, Number(price.costUsd));
    }
    return costs.get(key)!;
  };
  const items = rows.map((row): Item => {
    const inputTokens = Math.ceil(row.prompt.length / 4);
    const result = (model: { id: string; provider: string }, correct: boolean): ItemResult => ({ correct, costUsd: cost(model, inputTokens), inputTokens, outputTokens });
    return {
      id: row.id,
      feature: row.subject,
      results: new Map([
        [strong.id, result(strong, row.strong_correct)],
        [weak.id, result(weak, row.weak_correct)],
      ]),
    };
  });
  return {
    name: which === 'mmlu' ? 'MMLU' : 'GSM8K',
    queryType: which === 'mmlu' ? 'expert_qa' : 'math',
    models: [strong, weak],
    strong: strong.id,
    weak: weak.id,
    items,
    costTokens: false,
    attribution: 'RouteLLM evaluation responses, lm-sys/RouteLLM @0b64fdaf (Apache-2.0)',
  };
}

/** SWE-bench Verified bash-only: 24 models × 500 tasks (feature = repository), Claude 3.7 Sonnet left out. */
export function loadSweBench(strongTag = 'claude-opus-4-5-20251101', weakTag = 'gpt-5-mini-2025-08-07'): Dataset {
  const rows = readJsonl('swebench-verified-bash-only.jsonl', ZSweRow).filter((row) => !DROPPED_SWE_MODELS.has(row.model_tag));
  const models = new Map<string, { id: string; provider: string }>();
  for (const row of rows) if (!models.has(row.model_tag)) models.set(row.model_tag, catalogId(row.model_tag));
  const byInstance = new Map<string, Map<string, ItemResult>>();
  for (const row of rows) {
    const results = byInstance.get(row.instance_id) ?? new Map<string, ItemResult>();
    byInstance.set(row.instance_id, results);
    // Costs only (no token counts in the data): expressed as "cost tokens" priced at $1 per million.
    results.set(models.get(row.model_tag)!.id, { correct: row.resolved, costUsd: row.cost_usd, inputTokens: Math.round(row.cost_usd * 1e6), outputTokens: 0 });
  }
  const items = [...byInstance.entries()].map(([id, results]): Item => ({ id, feature: id.split('__')[0]!, results }));
  const strong = models.get(strongTag)!.id;
  const ordered = [...models.values()].sort((a, b) => Number(b.id === strong) - Number(a.id === strong));
  return {
    name: 'SWE-bench Verified',
    queryType: 'coding',
    models: ordered,
    strong,
    weak: models.get(weakTag)!.id,
    items,
    costTokens: true,
    attribution: 'SWE-bench bash-only leaderboard per-instance results, SWE-bench/swe-bench.github.io @f1176b65 (© SWE-bench, CC BY-NC 4.0)',
  };
}
