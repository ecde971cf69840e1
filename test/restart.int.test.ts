import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale, WEB_DIR, WEB_SERVER } from '@tierlens/cli/build-web';
import { isProcessAlive, REPO_ROOT } from '@tierlens/db/runtime';
import { freePort } from '@tierlens/db/testing';

// `npm start` as a user runs it, on its own data folder and ports with the embedded PostgreSQL:
// killed with kill -9, then started again. The dashboard is the production build the browser
// tests use (built once per source change, shared through its stamp).

interface Started {
  child: ChildProcess;
  output: () => string;
}

let dataDir: string;
let env: NodeJS.ProcessEnv;
let webPort: number;
let ingestPort: number;
const running: ChildProcess[] = [];

beforeAll(async () => {
  buildWebIfStale(process.env, (l) => console.log(`[restart] ${l}`));
  // Postgres runs as the `postgres` user when tests run as root: a folder of its own in /tmp.
  dataDir = mkdtempSync(join(tmpdir(), 'tierlens-restart-'));
  [webPort, ingestPort] = [await freePort(), await freePort()];
  const pgPort = await freePort();
  env = { ...process.env, TIERLENS_DATA_DIR: dataDir, PORT: String(webPort), INGEST_PORT: String(ingestPort), INGEST_HOST: '127.0.0.1', TIERLENS_PG_PORT: String(pgPort), TIERLENS_DEMO: '0', NEXT_TELEMETRY_DISABLED: '1' };
  // The test run's own database must not be used: the embedded one and its lock are the point.
  delete env.DATABASE_URL;
  delete env.TIERLENS_WEB_DEV;
  delete env.NODE_ENV;
}, 300_000);

afterAll(async () => {
  for (const child of running) await stopGracefully(child);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

function npmStart(): Started {
  // Its own process group, so that cleanup can reach every process it started.
  const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

/** Ctrl-C as a terminal sends it (SIGINT to the whole group), then waits for every process of it to exit. */
async function stopGracefully(child: ChildProcess): Promise<boolean> {
  const group = child.pid!;
  const alive = () => {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return true;
  process.kill(-group, 'SIGINT');
  if (await until(() => !alive(), 30_000)) return true;
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // all gone meanwhile
  }
  return false;
}

async function serves(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status === 200;
  } catch {
    return false;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

/** Waits until npm start says it is ready and the ingest and the dashboard both answer 200, or it exits. */
async function waitServing(started: Started, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited (${started.child.exitCode}):\n${started.output()}`);
    if (started.output().includes('Press Ctrl-C to stop.') && (await serves(`http://127.0.0.1:${ingestPort}/healthz`)) && (await serves(`http://127.0.0.1:${webPort}/sign-in`))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Not serving after ${ms / 1000}s:\n${started.output()}`);
}

function runRecord(): { pid: number; webPid: number | null } {
  return JSON.parse(readFileSync(join(dataDir, 'tierlens-run.json'), 'utf8')) as { pid: number; webPid: number | null };
}

function postmasterPid(): number | null {
  const lock = join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(lock) ? Number(readFileSync(lock, 'utf8').split('\n')[0]) : null;
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('npm start after kill -9', () => {
  it('serves both ports again: the dashboard went with its parent; the orphaned Postgres, its lock and a stale dashboard are taken over', async () => {
    const first = npmStart();
    await waitServing(first, 180_000);
    expect(first.output()).toMatch(/Sign in as \S+ with password/);
    const { pid, webPid } = runRecord();
    const postgres = postmasterPid();
    expect(webPid && postgres).toBeTruthy();

    process.kill(pid, 'SIGKILL');
    // The dashboard server watches its parent and exits by itself: nothing holds its port.
    expect(await until(() => !isProcessAlive(webPid!), 5_000), 'dashboard outlived npm start').toBe(true);
    // Postgres is a daemon: it outlives its owner, holding the data folder's lock.
    expect(isProcessAlive(postgres!)).toBe(true);

    // What an earlier version left after kill -9: a dashboard server with no parent to watch, on the port.
    const orphan = spawn(process.execPath, [WEB_SERVER, '-p', String(webPort)], { cwd: WEB_DIR, env: { ...env, BETTER_AUTH_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' }, stdio: 'ignore' });
    running.push(orphan);
    const deadline = Date.now() + 60_000;
    while (!(await answers(`http://127.0.0.1:${webPort}/sign-in`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 300));
    expect(await answers(`http://127.0.0.1:${webPort}/sign-in`), 'the stand-in orphan serves').toBe(true);

    const second = npmStart();
    await waitServing(second, 180_000);
    expect(second.output()).toMatch(/Stopping the embedded PostgreSQL \(pid \d+\) left running/);
    expect(second.output()).toContain(`Stopping a Tierlens dashboard (pid ${orphan.pid}) of an earlier run that still holds port ${webPort}`);
    expect(orphan.exitCode !== null || orphan.signalCode !== null).toBe(true);
    // Data survived: the first user is known, not created again.
    expect(second.output()).toMatch(/password as printed on first start/);
    expect(runRecord().pid).not.toBe(pid);
    expect(postmasterPid()).not.toBe(postgres);

    expect(await stopGracefully(second.child), `npm start did not stop within 30 s of Ctrl-C:\n${second.output()}`).toBe(true);
    // A clean stop leaves nothing behind: no server, no lock, no record.
    expect(await until(() => postmasterPid() === null, 10_000)).toBe(true);
    expect(existsSync(join(dataDir, 'tierlens-run.json')), second.output()).toBe(false);
  }, 420_000);

  it('names the program that holds a port when it is not Tierlens, and starts nothing', async () => {
    const squatter: Server = createServer((_req, res) => res.end('mine'));
    await new Promise<void>((r) => squatter.listen(ingestPort, '127.0.0.1', r));
    try {
      const started = npmStart();
      const code = await new Promise<number | null>((r) => started.child.once('exit', r));
      expect(code).toBe(1);
      expect(started.output()).toContain(`Port ${ingestPort}, for the ingest, is in use by pid ${process.pid}`);
      expect(started.output()).toContain('set INGEST_PORT to another port');
      expect(postmasterPid()).toBeNull();
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  }, 60_000);
});
