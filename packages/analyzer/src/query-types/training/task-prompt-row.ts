import { z } from 'zod';
import { TEXT_QUERY_TYPES } from '../query-type.ts';

/** One labelled prompt of the task-prompts data set (see `data/task-prompts/README.md`). */
export const ZTaskPromptRow = z.object({
  id: z.string().min(1),
  prompt: z.string(),
  label: z.enum(TEXT_QUERY_TYPES),
  source: z.string().min(1),
});

/** A labelled prompt. */
export type TaskPromptRow = z.infer<typeof ZTaskPromptRow>;

/**
 * Parses JSON Lines text into labelled prompts, sorted by id so every later step
 * (folds, shuffles, training) sees the same order whatever the file order was.
 */
export function parseTaskPromptRows(jsonLines: string): TaskPromptRow[] {
  const rows = jsonLines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = ZTaskPromptRow.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`task-prompts line ${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
