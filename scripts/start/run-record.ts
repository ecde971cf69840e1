import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const ZRunRecord = z.object({
  /** The `npm start` process (scripts/start.ts): it holds the ingest. */
  pid: z.number().int().positive(),
  /** Its dashboard server child, once spawned. */
  webPid: z.number().int().positive().nullable(),
  webPort: z.number().int(),
  ingestPort: z.number().int(),
  startedAt: z.string(),
});

/** What a running `npm start` records in its data folder, so the next one can tell what is left of it. */
export type RunRecord = z.infer<typeof ZRunRecord>;

function path(dataDir: string): string {
  return join(dataDir, 'tierlens-run.json');
}

/** The record of the last `npm start` on this data folder, or null (none, or unreadable). */
export function readRunRecord(dataDir: string): RunRecord | null {
  if (!existsSync(path(dataDir))) return null;
  try {
    return ZRunRecord.parse(JSON.parse(readFileSync(path(dataDir), 'utf8')));
  } catch {
    return null;
  }
}

export function writeRunRecord(dataDir: string, record: RunRecord): void {
  writeFileSync(path(dataDir), `${JSON.stringify(record, null, 2)}\n`);
}

/** Removed on a clean stop; a record left behind means the process was killed. */
export function removeRunRecord(dataDir: string): void {
  rmSync(path(dataDir), { force: true });
}
