import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { WEB_DIR, WEB_SERVER } from '@tierlens/cli/build-web';
import { freePort } from '@tierlens/db/testing';

export interface RunningDashboard {
  url: string;
  stop(): Promise<void>;
}

/** The built dashboard, served as `npm start` serves it, on a free loopback port and the given database. */
export async function startDashboard(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningDashboard> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [WEB_SERVER, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: WEB_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
      TIERLENS_PUBLIC_URL: url,
      NEXT_TELEMETRY_DISABLED: '1',
      // A test worker that dies takes its dashboard with it.
      TIERLENS_PARENT_PID: String(process.pid),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The dashboard server exited: ${output}`);
    try {
      const res = await fetch(`${url}/sign-in`);
      if (res.status === 200) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
