/**
 * Tests the package as an app installs it: the built `dist` (ESM and CommonJS) reached through the
 * published `exports` map by the package name, with its declarations. `global-setup.ts` builds it
 * and installs it under `test/.installed` (see install-built-package.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.js';
import { INSTALLED_DIR, INSTALLED_PACKAGE } from './install-built-package.js';

type Branch = { types: string; default: string };
const manifest = JSON.parse(readFileSync(join(INSTALLED_PACKAGE, 'package.json'), 'utf8')) as {
  sideEffects: boolean;
  version: string;
  exports: Record<string, string | { import: Branch; require: Branch }>;
};
/** Resolves a subpath the way Node does from a file inside the install, for ESM consumers. */
const resolveEsm = (subpath: string): string => {
  const entry = manifest.exports[subpath];
  if (!entry || typeof entry === 'string') throw new Error(`no export ${subpath}`);
  return pathToFileURL(join(INSTALLED_PACKAGE, entry.import.default)).href;
};

let provider: FakeProvider;

beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(async () => {
  await provider?.close();
});

describe('the built package', () => {
  it('records a call through the ESM build and its ./testing entry', async () => {
    const sdk = (await import(resolveEsm('.'))) as typeof import('../src/index.js');
    const testing = (await import(resolveEsm('./testing'))) as typeof import('../src/testing/index.js');
    const { default: OpenAI } = await import('openai');
    const t = testing.initTesting();
    const openai = sdk.wrapOpenAI(new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-test', maxRetries: 0 }));
    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    const [span] = await t.getSpans();
    expect(span?.name).toBe('chat gpt-4o');
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBe(1200);
    await sdk.shutdown();
  });

  it('resolves by name to dist from ESM and CommonJS consumers (Node resolution, no workspace)', () => {
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('@tierlens/sdk'))"], { cwd: INSTALLED_DIR, encoding: 'utf8' });
    expect(esm.trim()).toBe(pathToFileURL(join(INSTALLED_PACKAGE, 'dist/esm/index.js')).href);
    const out = execFileSync(process.execPath, [join(INSTALLED_DIR, 'require-child.cjs')], { cwd: INSTALLED_DIR, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ init: 'function', wrapOpenAI: 'function', initTesting: 'function' });
    expect(createRequire(join(INSTALLED_DIR, 'x.cjs')).resolve('@tierlens/sdk')).toBe(join(INSTALLED_PACKAGE, 'dist/cjs/index.js'));
  });

  it('ships declarations under which wrapped clients keep their exact types', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const args = [tsc, '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', join(INSTALLED_DIR, 'consumer.ts')];
    expect(() => execFileSync(process.execPath, args, { cwd: INSTALLED_DIR, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  }, 60_000);

  it('published manifest: types first in every branch, sideEffects false, version in step with SDK_VERSION', async () => {
    expect(manifest.sideEffects).toBe(false);
    for (const entry of Object.values(manifest.exports)) {
      if (typeof entry === 'string') continue;
      for (const branch of [entry.import, entry.require]) expect(Object.keys(branch)[0]).toBe('types');
    }
    const { SDK_VERSION } = (await import(resolveEsm('.'))) as typeof import('../src/index.js');
    expect(SDK_VERSION).toBe(manifest.version);
  });
});
