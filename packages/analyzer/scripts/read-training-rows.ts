/**
 * Reads the classifier's training files (for the scripts and the bench; the analyzer itself
 * does no I/O): public rows (data/task-prompts/dev.jsonl, data/public-prompts/*.jsonl) and the
 * prompts written for this project (data/authored-prompts/*.jsonl, training only).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTaskPromptRows, type TaskPromptRow } from '../src/query-types/training/task-prompt-row.ts';

/** The training files, relative to packages/analyzer. */
export const TRAINING_FILES = [
  'data/task-prompts/dev.jsonl',
  'data/public-prompts/gpteacher.jsonl',
  'data/authored-prompts/authored.jsonl',
  'data/authored-prompts/multilingual.jsonl',
] as const;

/** Rows of every training file, and each file's sha256 (recorded in the model). */
export function readTrainingRows(): { rows: TaskPromptRow[]; devRows: TaskPromptRow[]; sha256: Record<string, string> } {
  const sha256: Record<string, string> = {};
  const rows: TaskPromptRow[] = [];
  let devRows: TaskPromptRow[] = [];
  for (const file of TRAINING_FILES) {
    const raw = readFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), 'utf8');
    sha256[file] = createHash('sha256').update(raw).digest('hex');
    const parsed = parseTaskPromptRows(raw);
    if (file === 'data/task-prompts/dev.jsonl') devRows = parsed;
    rows.push(...parsed);
  }
  return { rows, devRows, sha256 };
}
