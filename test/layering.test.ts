import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The layering (analyzer without I/O, apps apart, packages below apps, features through their
// lib or public entry) is checked by dependency-cruiser with the rules in .dependency-cruiser.cjs.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
// The CLI itself: the package's exports map does not expose its bin folder.
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs dependency-cruiser on `packages` and `apps` under `cwd` and returns its violations. */
async function cruise(cwd: string): Promise<Violation[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, '--config', CONFIG, '--output-type', 'json', 'packages', 'apps'], {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
  });
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layering', () => {
  // Cruising the whole tree takes tens of seconds on two busy cores.
  it('holds in this repository', async () => {
    const violations = await cruise(ROOT);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 180_000);

  it('fails on a deliberately wrong import of each kind, and allows the right ones', async () => {
    const violations = await cruise(join(ROOT, 'test/fixtures/layering'));
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()).toEqual([
      'analyzer-no-io: packages/analyzer/src/reads-a-file.ts → fs',
      'apps-not-each-other: apps/web/src/uses-another-app.ts → apps/other/src/other.ts',
      'features-through-lib: apps/web/src/features/alpha/server/uses-beta.ts → apps/web/src/features/beta/server/internal.ts',
      'packages-not-apps: packages/tool/src/uses-an-app.ts → apps/other/src/other.ts',
    ]);
  }, 60_000);
});
