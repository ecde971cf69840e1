/**
 * A process that wraps a client, makes a call and ends without calling `shutdown()` must exit by
 * itself, promptly, whatever state the ingest is in: the SDK never keeps the process alive beyond
 * its bounded exit flush (1 s by default).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.js';
import { INSTALLED_DIR } from './install-built-package.js';
import { startOtlpCapture, type OtlpCapture } from './otlp-capture.js';

let provider: FakeProvider;
let ingest: OtlpCapture;

beforeAll(async () => {
  [provider, ingest] = await Promise.all([startFakeProvider(), startOtlpCapture()]);
});
afterAll(async () => {
  await Promise.all([provider?.close(), ingest?.close()]);
});

function runChild(ingestUrl: string): Promise<{ code: number | null; ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Runs from the installed copy, so `@tierlens/sdk` is the built package.
    const child = spawn(process.execPath, [join(INSTALLED_DIR, 'exit-child.mjs'), provider.url, ingestUrl], { cwd: INSTALLED_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, ms: performance.now() - start, stdout });
    });
  });
}

async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('process exit without shutdown()', () => {
  // Node start-up and imports take a few hundred ms; the budget leaves room for a loaded CI box.
  const PROMPT_MS = 5000;

  it('ingest up: exits promptly and the span was exported by the exit flush', async () => {
    ingest.setMode({ kind: 'ok' });
    ingest.requests.length = 0;
    const { code, ms, stdout } = await runChild(ingest.url);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('chatcmpl-fake');
    expect(ms).toBeLessThan(PROMPT_MS);
    expect(ingest.spans().map((s) => s.name)).toEqual(['chat gpt-4o']);
  });

  it('ingest down: exits promptly', async () => {
    const { code, ms } = await runChild(await deadUrl());
    expect(code).toBe(0);
    expect(ms).toBeLessThan(PROMPT_MS);
  });

  it('ingest hanging: exits once the 1 s exit flush lapses, not after the 10 s export timeout', async () => {
    ingest.setMode({ kind: 'hang' });
    const { code, ms } = await runChild(ingest.url);
    ingest.setMode({ kind: 'ok' });
    expect(code).toBe(0);
    expect(ms).toBeLessThan(PROMPT_MS);
  });
});
