import { z } from 'zod';
import { classifyPrompt } from './classify-prompt.ts';
import type { QueryType } from './query-type.ts';

/** One input record of `tierlens classify`: an id and the prompt (text or system + last user). */
export const ZClassifyRecordInput = z.object({
  id: z.union([z.string(), z.number()]),
  prompt: z.union([
    z.string(),
    z.object({ system: z.string().optional(), lastUser: z.string().optional() }),
  ]),
});

/** One input record of `tierlens classify`. */
export type ClassifyRecordInput = z.infer<typeof ZClassifyRecordInput>;

/** One output record of `tierlens classify`. */
export interface ClassifiedRecord {
  readonly id: string | number;
  readonly queryType: QueryType;
  readonly confidence: number;
}

/**
 * Classifies one record for the CLI (`npx tierlens classify`): parse each JSON line
 * with {@link ZClassifyRecordInput}, call this, print the result. Pure; the id is echoed.
 */
export function classifyRecord(record: ClassifyRecordInput): ClassifiedRecord {
  const { queryType, confidence } = classifyPrompt(record.prompt);
  return { id: record.id, queryType, confidence };
}
