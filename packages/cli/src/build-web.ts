import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@tierlens/db/runtime';

export const WEB_DIR = join(REPO_ROOT, 'apps/web');
export const NEXT_BIN = join(REPO_ROOT, 'node_modules/next/dist/bin/next');
/**
 * The dashboard's server (`node WEB_SERVER [--dev] -p PORT`): Next's handler behind a Node server
 * that decides the client address (trusted proxies) and exits with its parent.
 */
export const WEB_SERVER = join(WEB_DIR, 'serve/serve.mjs');

/** Sources the dashboard build depends on; a change to any of them means a rebuild. */
const SOURCES = ['apps/web/src', 'apps/web/next.config.ts', 'apps/web/security-headers.ts', 'packages/analyzer/src', 'packages/db/src', 'packages/auth/src', 'packages/reports/src', 'package-lock.json'];

/**
 * Builds the dashboard (`next build`) unless a build of the same sources exists. Returns whether
 * it built. Tests (`*.test.ts`) do not count as sources.
 */
export function buildWebIfStale(env: NodeJS.ProcessEnv, log: (line: string) => void = () => {}): boolean {
  const stamp = join(WEB_DIR, '.next', 'tierlens-source-hash');
  const hash = sourceHash(SOURCES.map((p) => join(REPO_ROOT, p)));
  if (existsSync(join(WEB_DIR, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return false;
  log('Building the dashboard (first start or sources changed; this takes a minute or two)…');
  const r = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: WEB_DIR, env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The dashboard build failed (see above).');
  writeFileSync(stamp, hash);
  return true;
}

function sourceHash(paths: string[]): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (e !== 'node_modules' && e !== 'generated') walk(join(p, e));
    } else if (!/\.test\.tsx?$/.test(p)) h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  paths.forEach(walk);
  return h.digest('hex');
}
