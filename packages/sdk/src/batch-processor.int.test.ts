import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.js';
import { startOtlpCapture, type OtlpCapture } from '../test/otlp-capture.js';
import { getStats, init, shutdown } from './init.js';
import { wrapOpenAI } from './wrap-openai.js';

let provider: FakeProvider;
let ingest: OtlpCapture;

beforeAll(async () => {
  [provider, ingest] = await Promise.all([startFakeProvider({ recordRequests: false }), startOtlpCapture()]);
});
afterAll(async () => {
  await shutdown();
  await Promise.all([provider.close(), ingest.close()]);
});
afterEach(async () => {
  await shutdown();
  ingest.requests.length = 0;
  ingest.setMode({ kind: 'ok' });
});

const messages = [{ role: 'user' as const, content: 'Hi' }];
const openai = () => wrapOpenAI(new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-test', maxRetries: 0 }));

/** A URL where nothing listens. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function timedCalls(n: number, client = openai()): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await client.chat.completions.create({ model: 'gpt-4o', messages });
    times.push(performance.now() - start);
  }
  return times;
}

const onError = () => {};

describe('export endpoint in trouble', () => {
  it('down: calls keep their latency, the queue stays bounded and drops are counted', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    init({ apiKey: 'k', endpoint: await deadUrl(), maxQueueSize: 50, maxExportBatchSize: 10, scheduledDelayMillis: 5, timeoutMillis: 1500, onError });
    const times = await timedCalls(300);
    const stats = getStats();
    // Waiting for the export would take its 1.5 s deadline.
    expect(Math.max(...times)).toBeLessThan(1000);
    expect(stats.queued).toBeLessThanOrEqual(50);
    expect(stats.dropped).toBeGreaterThan(0);
    expect(stats.exported).toBe(0);
    expect(stats.queued + stats.inFlight + stats.dropped + stats.failed).toBe(300);
    // Shutting down against a dead endpoint is bounded by one export deadline, not one per batch.
    const start = performance.now();
    await shutdown();
    expect(performance.now() - start).toBeLessThan(3000);
    const after = getStats();
    expect(after.queued).toBe(0);
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('hanging: calls do not wait for it, and flush() gives up at the export deadline', async () => {
    ingest.setMode({ kind: 'hang' });
    init({ apiKey: 'k', endpoint: ingest.url, scheduledDelayMillis: 1, timeoutMillis: 2000, onError });
    const times = await timedCalls(20);
    expect(Math.max(...times)).toBeLessThan(1500);
    const start = performance.now();
    await shutdown();
    expect(performance.now() - start).toBeLessThan(4500);
    expect(getStats().exported).toBe(0);
  });

  it('slow: calls keep their latency and spans arrive', async () => {
    ingest.setMode({ kind: 'slow', ms: 1000 });
    const t = init({ apiKey: 'k', endpoint: ingest.url, scheduledDelayMillis: 1, onError });
    const times = await timedCalls(20);
    expect(Math.max(...times)).toBeLessThan(700);
    await t.flush();
    expect(t.getStats()).toMatchObject({ exported: 20, dropped: 0, failed: 0 });
  });

  it('429 with Retry-After: the export is retried after the delay the ingest asked for', async () => {
    ingest.setMode({ kind: 'status', status: 429, retryAfter: '1' });
    const t = init({ apiKey: 'k', endpoint: ingest.url, scheduledDelayMillis: 60_000, timeoutMillis: 5000, onError });
    await timedCalls(3);
    const flushed = t.flush();
    await waitFor(() => ingest.requests.length >= 1);
    ingest.setMode({ kind: 'ok' });
    await flushed;
    expect(ingest.requests).toHaveLength(2);
    const [first, second] = ingest.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThan(900);
    expect(second!.spans).toHaveLength(3);
    expect(t.getStats()).toMatchObject({ exported: 3, failed: 0, retries: 1, batches: 1 });
  });

  it('503 with a Retry-After beyond the deadline: gives up at once and counts the spans as failed', async () => {
    ingest.setMode({ kind: 'status', status: 503, retryAfter: '30' });
    const t = init({ apiKey: 'k', endpoint: ingest.url, scheduledDelayMillis: 60_000, timeoutMillis: 2000, onError });
    await timedCalls(4);
    const start = performance.now();
    await t.flush();
    expect(performance.now() - start).toBeLessThan(1000);
    expect(ingest.requests).toHaveLength(1);
    expect(t.getStats()).toMatchObject({ exported: 0, failed: 4 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
