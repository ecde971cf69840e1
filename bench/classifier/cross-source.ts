/**
 * The cross-source evaluation set (bench/classifier/data/eval-prompts.jsonl): labelled prompts
 * from public sources the classifier is NOT trained on, in several languages. See
 * bench/classifier/data/README.md for the sources, licences and how labels were given.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PromptClassification } from '../../packages/analyzer/src/query-types/create-prompt-classifier.ts';
import { TEXT_QUERY_TYPES } from '../../packages/analyzer/src/query-types/query-type.ts';
import { scoreClassification, type ClassificationScore } from '../../packages/analyzer/src/query-types/training/score-classification.ts';

/** One row of the evaluation set. */
export const ZEvalPromptRow = z.object({
  id: z.string().min(1),
  prompt: z.string().min(1),
  label: z.enum(TEXT_QUERY_TYPES),
  lang: z.string().min(2),
  source: z.string().min(1),
});
export type EvalPromptRow = z.infer<typeof ZEvalPromptRow>;

/** Reads and validates the evaluation set. */
export function readEvalPrompts(): EvalPromptRow[] {
  const path = fileURLToPath(new URL('./data/eval-prompts.jsonl', import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = ZEvalPromptRow.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`eval-prompts.jsonl line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

const normalise = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Evaluation rows whose prompt (normalised) is also a training prompt: must be none. */
export function leakedRows(evalRows: readonly EvalPromptRow[], trainingPrompts: readonly string[]): EvalPromptRow[] {
  const training = new Set(trainingPrompts.map(normalise));
  return evalRows.filter((row) => training.has(normalise(row.prompt)));
}

/** The data set of a row: the repository in its `source`. */
export const datasetOf = (row: EvalPromptRow): string => row.source.split('@')[0] ?? row.source;

/** Figures of one slice: macro-F1 over the labels present (unknown counted as a miss), accuracy, unknown share. */
export interface SliceScore {
  readonly n: number;
  readonly score: ClassificationScore;
  readonly unknownShare: number;
}

/** Scores `predictions` (one per row, thresholded) on `rows`, over the labels present in them. */
export function scoreSlice(rows: readonly EvalPromptRow[], predictions: readonly PromptClassification[]): SliceScore {
  const labels = TEXT_QUERY_TYPES.filter((label) => rows.some((row) => row.label === label));
  const score = scoreClassification(rows.map((r) => r.label), predictions.map((p) => p.queryType), labels);
  const unknownShare = predictions.filter((p) => p.queryType === 'unknown').length / Math.max(1, rows.length);
  return { n: rows.length, score, unknownShare };
}
