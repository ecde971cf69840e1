/**
 * Builds `dist` when a source is newer, then installs the package the way an app gets it from the
 * registry: `test/.installed/node_modules/@tierlens/sdk` holds the published manifest
 * (scripts/published-manifest.mjs), `dist` and the README, and the consumer fixtures sit next to
 * that `node_modules`, so Node and TypeScript resolve `@tierlens/sdk` through the published
 * `exports` map (workspace code, in contrast, resolves it to `src`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs build script without declarations
import { publishedManifest } from '../scripts/published-manifest.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the built package is installed; fixtures run from here. */
export const INSTALLED_DIR = join(pkg, 'test/.installed');
/** The installed package's directory. */
export const INSTALLED_PACKAGE = join(INSTALLED_DIR, 'node_modules/@tierlens/sdk');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return Math.min(statSync(join(pkg, 'dist/esm/index.js')).mtimeMs, statSync(join(pkg, 'dist/cjs/package.json')).mtimeMs);
  } catch {
    return 0;
  }
}

/** Builds if stale and (re)installs the built package under {@link INSTALLED_DIR}. */
export function installBuiltPackage(): void {
  const sources = Math.max(
    newestMtime(join(pkg, 'src')),
    ...['tsconfig.build.json', 'tsconfig.build.cjs.json', 'scripts/build.mjs'].map((f) => statSync(join(pkg, f)).mtimeMs),
  );
  if (builtAt() < sources) execFileSync(process.execPath, [join(pkg, 'scripts/build.mjs')], { cwd: pkg, stdio: 'inherit' });
  rmSync(INSTALLED_DIR, { recursive: true, force: true });
  mkdirSync(INSTALLED_PACKAGE, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(INSTALLED_PACKAGE, 'package.json'), `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
  copyFileSync(join(pkg, 'README.md'), join(INSTALLED_PACKAGE, 'README.md'));
  cpSync(join(pkg, 'dist'), join(INSTALLED_PACKAGE, 'dist'), { recursive: true });
  cpSync(join(pkg, 'test/fixtures'), INSTALLED_DIR, { recursive: true });
  // The consumer is an app of its own: without this manifest, the nearest package.json would be
  // the SDK's, and Node would resolve `@tierlens/sdk` as a self-reference to the sources.
  writeFileSync(join(INSTALLED_DIR, 'package.json'), '{ "name": "sdk-consumer", "private": true, "type": "module" }\n');
}
