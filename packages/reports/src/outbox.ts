import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readEml, type EmlSummary } from './read-eml.ts';

/** An email written to the outbox. */
export interface OutboxEntry {
  /** The file name, `<projectId>__…​.eml`. */
  file: string;
  writtenAt: Date;
  size: number;
  to: string | null;
  subject: string | null;
}

const FILE = /^([0-9a-f-]{36})__[A-Za-z0-9._-]+\.eml$/;

/** The outbox name of a scheduled delivery: one per delivery, so a retry finds the file of an earlier attempt. */
export function deliveryOutboxName(projectId: string, weekFirstDay: string, deliveryId: string): string {
  return `${projectId}__week-${weekFirstDay}__${deliveryId}`;
}

/** The outbox name of a report sent on request ("Send me this now"). */
export function onDemandOutboxName(projectId: string, at: Date): string {
  return `${projectId}__now-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}__${randomBytes(4).toString('hex')}`;
}

/** A project's `.eml` files in the outbox, newest first. */
export async function listOutbox(outboxDir: string, projectId: string, limit = 50): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(outboxDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const mine = names.filter((n) => FILE.exec(n)?.[1] === projectId);
  const entries = await Promise.all(
    mine.map(async (file) => {
      const path = join(outboxDir, file);
      const [info, source] = await Promise.all([stat(path), readFile(path, 'utf8')]);
      const eml = readEml(source);
      return { file, writtenAt: info.mtime, size: info.size, to: eml.to, subject: eml.subject };
    }),
  );
  return entries.sort((a, b) => b.writtenAt.getTime() - a.writtenAt.getTime() || (a.file < b.file ? 1 : -1)).slice(0, limit);
}

/** One of a project's outbox files, read; null when the name is not one of the project's files or it does not exist. */
export async function readOutboxEmail(outboxDir: string, projectId: string, file: string): Promise<(EmlSummary & { source: string }) | null> {
  // The name is checked against the pattern and the project, so no path can leave the folder.
  if (FILE.exec(file)?.[1] !== projectId) return null;
  try {
    const source = await readFile(join(outboxDir, file), 'utf8');
    return { ...readEml(source), source };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
