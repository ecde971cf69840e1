import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive, processInfo, stopProcess } from './process-info.ts';

/** File beside the cluster naming the process that started its server. */
export function postgresOwnerFile(dataDir: string): string {
  return join(dataDir, 'postgres-owner.pid');
}

/** Records this process as the owner of the server it just started. */
export function recordPostgresOwner(dataDir: string): void {
  writeFileSync(postgresOwnerFile(dataDir), String(process.pid));
}

/** Forgets the owner after a clean stop. */
export function forgetPostgresOwner(dataDir: string): void {
  rmSync(postgresOwnerFile(dataDir), { force: true });
}

/**
 * What to do about a cluster's `postmaster.pid` before starting or attaching to its server:
 * - no lock, or its pid is gone: nothing (Postgres itself replaces a lock whose pid is dead);
 * - its pid now belongs to some other program (pid reuse after a crash): the lock is removed,
 *   since Postgres would otherwise refuse to start, believing its server is still up;
 * - a live server whose owner is alive (another `npm start` on the same data folder): nothing,
 *   the caller attaches to it;
 * - a live server whose owner died without stopping it (kill -9, OOM): the server is stopped
 *   with a fast shutdown (committed data kept), so the caller starts and owns it afresh instead
 *   of attaching to a server nobody will ever stop.
 */
export async function reclaimOrphanedPostgres(dataDir: string, clusterDir: string, log: (line: string) => void = () => {}): Promise<'none' | 'stale-lock-removed' | 'owned' | 'stopped-orphan'> {
  const lock = join(clusterDir, 'postmaster.pid');
  if (!existsSync(lock)) return 'none';
  const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  if (!isProcessAlive(pid)) return 'none';
  const info = processInfo(pid);
  if (!info) return 'none';
  if (info.comm !== 'postgres') {
    log(`Removing a stale PostgreSQL lock: its pid ${pid} is now ${info.comm}.`);
    rmSync(lock, { force: true });
    return 'stale-lock-removed';
  }
  if (isOwned(dataDir, info.ppid)) return 'owned';
  log(`Stopping the embedded PostgreSQL (pid ${pid}) left running by a Tierlens process that died without stopping it.`);
  // SIGINT is Postgres's fast shutdown: sessions are ended, committed data is kept.
  if (!(await stopProcess(pid, 'SIGINT', 30_000))) throw new Error(`Could not stop the orphaned PostgreSQL (pid ${pid}) in ${clusterDir}.`);
  forgetPostgresOwner(dataDir);
  return 'stopped-orphan';
}

/** Whether the server's parent is the live owner recorded for the data folder (or, without a record, any live Node process). */
function isOwned(dataDir: string, postmasterParent: number): boolean {
  if (postmasterParent <= 1 || !isProcessAlive(postmasterParent)) return false;
  const file = postgresOwnerFile(dataDir);
  if (existsSync(file)) return Number(readFileSync(file, 'utf8').trim()) === postmasterParent;
  return processInfo(postmasterParent)?.comm === 'node';
}
