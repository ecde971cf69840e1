import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { isProcessAlive, processInfo, stopProcess } from '@tierlens/db/runtime';
import { readRunRecord } from './run-record.ts';

export interface PortToClear {
  port: number;
  host: string;
  /** What Tierlens runs there, for messages. */
  what: string;
  /** The setting that moves it. */
  env: string;
}

/**
 * Before `npm start` starts anything: what an earlier Tierlens run left behind is stopped, and
 * anything else in the way is named. Throws, with a message for the user, when
 * - another `npm start` is still running on the same data folder, or
 * - a port is held by a program that is not a dashboard of this checkout.
 * A dashboard server of this checkout that outlived its `npm start` (kill -9) is stopped.
 */
export async function clearPorts(options: { dataDir: string; webDir: string; ports: PortToClear[]; log: (line: string) => void }): Promise<void> {
  const earlier = readRunRecord(options.dataDir);
  if (earlier && earlier.pid !== process.pid && isProcessAlive(earlier.pid) && isStartProcess(earlier.pid)) {
    throw new Error(
      `Tierlens is already running from ${options.dataDir} (pid ${earlier.pid}: dashboard on :${earlier.webPort}, ingest on :${earlier.ingestPort}). ` +
        `Stop it first (Ctrl-C in its terminal, or kill ${earlier.pid}), or give this one another TIERLENS_DATA_DIR and ports.`,
    );
  }
  if (earlier?.webPid && isProcessAlive(earlier.webPid) && isDashboard(earlier.webPid, options.webDir)) {
    options.log(`Stopping the dashboard (pid ${earlier.webPid}) left running by an earlier start that was killed.`);
    await stopProcess(earlier.webPid, 'SIGTERM', 5_000);
  }
  for (const target of options.ports) {
    if (target.port === 0 || (await isFree(target.port, target.host))) continue;
    const holders = listeningPids(target.port).filter((pid) => pid !== process.pid);
    const stale = holders.filter((pid) => isDashboard(pid, options.webDir));
    for (const pid of stale) {
      options.log(`Stopping a Tierlens dashboard (pid ${pid}) of an earlier run that still holds port ${target.port}.`);
      await stopProcess(pid, 'SIGTERM', 5_000);
    }
    if (await waitFree(target.port, target.host, stale.length ? 5_000 : 0)) continue;
    const others = holders.filter((pid) => !stale.includes(pid));
    const who = others.length ? others.map((pid) => `pid ${pid} (${describe(pid)})`).join(', ') : 'a program whose process is not visible to this user';
    throw new Error(`Port ${target.port}, for the ${target.what}, is in use by ${who}. Stop it, or set ${target.env} to another port.`);
  }
}

/** A `node … scripts/start.ts` process: an `npm start` of Tierlens. */
function isStartProcess(pid: number): boolean {
  return processInfo(pid)?.cmdline.some((a) => a.endsWith('scripts/start.ts')) ?? false;
}

/** Our dashboard server (apps/web/serve) or a `next` server, running in this checkout's web app folder. */
function isDashboard(pid: number, webDir: string): boolean {
  const info = processInfo(pid);
  if (!info) return false;
  const cmd = info.cmdline.join(' ');
  if (cmd.includes(`${webDir}/serve/serve.mjs`)) return true;
  return info.cwd === webDir && (info.comm.startsWith('next') || cmd.includes('next'));
}

function describe(pid: number): string {
  const info = processInfo(pid);
  return info ? info.cmdline.join(' ').slice(0, 160) || info.comm : 'unknown';
}

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function waitFree(port: number, host: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await isFree(port, host)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Pids of the processes with a socket listening on `port` (Linux /proc; empty elsewhere). */
function listeningPids(port: number): number[] {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; column 9 is the socket's inode.
      if (cols.length > 9 && cols[3] === '0A' && parseInt(cols[1]!.split(':')[1]!, 16) === port) inodes.add(cols[9]!);
    }
  }
  if (!inodes.size) return [];
  const pids: number[] = [];
  let procs: string[] = [];
  try {
    procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  for (const pid of procs) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) {
          pids.push(Number(pid));
          break;
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return pids;
}
