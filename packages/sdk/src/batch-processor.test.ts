import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { BasicTracerProvider, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { TierlensSpanProcessor } from './batch-processor.js';
import { withTierlens } from './tierlens-context.js';
import { createOtlpExporter, UnrefRetryingTransport } from './create-otlp-exporter.js';

/** An exporter the test controls: records batches and answers when told to. */
class ControlledExporter implements SpanExporter {
  batches: ReadableSpan[][] = [];
  pending: Array<(r: ExportResult) => void> = [];
  mode: 'ok' | 'fail' | 'hold' | 'throw' = 'ok';
  export(spans: ReadableSpan[], done: (r: ExportResult) => void): void {
    if (this.mode === 'throw') throw new Error('exporter bug');
    this.batches.push(spans);
    if (this.mode === 'hold') this.pending.push(done);
    else done({ code: this.mode === 'ok' ? ExportResultCode.SUCCESS : ExportResultCode.FAILED, error: this.mode === 'fail' ? new Error('nope') : undefined });
  }
  async shutdown(): Promise<void> {}
}

function setup(options: ConstructorParameters<typeof TierlensSpanProcessor>[0] = {}) {
  const exporter = new ControlledExporter();
  const processor = new TierlensSpanProcessor({ exporter, exitFlushTimeoutMillis: 0, onError: () => {}, ...options });
  const tracer = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('@tierlens/sdk');
  const endSpans = (n: number) => {
    for (let i = 0; i < n; i++) tracer.startSpan(`s${i}`).end();
  };
  return { exporter, processor, endSpans };
}

describe('TierlensSpanProcessor', () => {
  it('drops and counts spans beyond maxQueueSize while an export is stuck', async () => {
    const { exporter, processor, endSpans } = setup({ maxQueueSize: 10, maxExportBatchSize: 5, scheduledDelayMillis: 60_000 });
    exporter.mode = 'hold';
    endSpans(10);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the full batch goes out on a 0 ms timer
    expect(processor.getStats()).toMatchObject({ inFlight: 5, queued: 5 });
    endSpans(20);
    expect(processor.getStats()).toMatchObject({ queued: 10, dropped: 15 });
    exporter.mode = 'ok';
    for (const done of exporter.pending.splice(0)) done({ code: ExportResultCode.SUCCESS });
    await processor.forceFlush();
    expect(processor.getStats()).toMatchObject({ queued: 0, inFlight: 0, exported: 15, dropped: 15, failed: 0 });
  });

  it('exports in batches of maxExportBatchSize, one at a time', async () => {
    const { exporter, processor, endSpans } = setup({ maxExportBatchSize: 4, scheduledDelayMillis: 60_000 });
    endSpans(10);
    await processor.forceFlush();
    expect(exporter.batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(processor.getStats()).toMatchObject({ exported: 10, batches: 3 });
  });

  it('under sustained traffic sends full batches or waits for the delay, never one request per span', async () => {
    const exporter = new ControlledExporter();
    exporter.mode = 'hold';
    const processor = new TierlensSpanProcessor({ exporter, exitFlushTimeoutMillis: 0, scheduledDelayMillis: 150, maxExportBatchSize: 10, onError: () => {} });
    const tracer = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('@tierlens/sdk');
    const end = (n: number) => {
      for (let i = 0; i < n; i++) tracer.startSpan('s').end();
    };
    end(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(exporter.batches.map((b) => b.length)).toEqual([1]);
    // From here on the delay is long, so "nothing was sent yet" cannot be a slow machine's luck.
    (processor as unknown as { delayMillis: number }).delayMillis = 60_000;
    end(3); // arrive while the first export is in flight
    exporter.pending.shift()?.({ code: ExportResultCode.SUCCESS });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(exporter.batches.map((b) => b.length)).toEqual([1]); // 3 < 10: they wait for the delay
    end(12);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(exporter.batches.map((b) => b.length)).toEqual([1, 10]); // a full batch goes at once
    exporter.mode = 'ok';
    exporter.pending.shift()?.({ code: ExportResultCode.SUCCESS });
    await processor.forceFlush();
    expect(exporter.batches.map((b) => b.length)).toEqual([1, 10, 5]);
  });

  it('a flush with nothing queued does not stop later exports', async () => {
    const { exporter, processor, endSpans } = setup({ scheduledDelayMillis: 5 });
    await processor.forceFlush();
    endSpans(2);
    await processor.forceFlush();
    endSpans(1);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the timer path too
    expect(exporter.batches.map((b) => b.length)).toEqual([2, 1]);
  });

  it('counts failed exports and survives an exporter that throws', async () => {
    const { exporter, processor, endSpans } = setup({ scheduledDelayMillis: 60_000 });
    exporter.mode = 'fail';
    endSpans(3);
    await processor.forceFlush();
    exporter.mode = 'throw';
    endSpans(2);
    await expect(processor.forceFlush()).resolves.toBeUndefined();
    expect(processor.getStats()).toMatchObject({ failed: 5, exported: 0 });
  });

  it('shutdown is idempotent, bounded by the export deadline, and drops what it could not send', async () => {
    const { exporter, processor, endSpans } = setup({ scheduledDelayMillis: 60_000, timeoutMillis: 200, maxExportBatchSize: 2 });
    exporter.mode = 'hold';
    endSpans(6);
    const start = performance.now();
    await Promise.all([processor.shutdown(), processor.shutdown()]);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(processor.getStats()).toMatchObject({ queued: 0, dropped: 4 });
    endSpans(1);
    expect(processor.getStats().queued).toBe(0);
    await expect(processor.forceFlush()).resolves.toBeUndefined();
  });

  it('is disabled without an API key or exporter', async () => {
    const saved = process.env.TIERLENS_API_KEY;
    delete process.env.TIERLENS_API_KEY;
    try {
      const processor = new TierlensSpanProcessor({ exitFlushTimeoutMillis: 0 });
      expect(processor.enabled).toBe(false);
      await expect(processor.forceFlush()).resolves.toBeUndefined();
    } finally {
      if (saved !== undefined) process.env.TIERLENS_API_KEY = saved;
    }
  });

  it('exports only LLM spans by default when it sits on an app provider', async () => {
    const exporter = new ControlledExporter();
    const processor = new TierlensSpanProcessor({ exporter, exitFlushTimeoutMillis: 0, scheduledDelayMillis: 60_000 });
    const provider = new BasicTracerProvider({ spanProcessors: [processor] });
    provider.getTracer('http').startSpan('GET /').end();
    provider.getTracer('other-genai').startSpan('chat x', { attributes: { 'gen_ai.operation.name': 'chat' } }).end();
    provider.getTracer('@tierlens/sdk').startSpan('chat y').end();
    provider.getTracer('ai').startSpan('ai.generateText').end();
    await processor.forceFlush();
    expect(exporter.batches.flat().map((s) => s.name)).toEqual(['chat x', 'chat y', 'ai.generateText']);
  });

  it('stamps Vercel AI SDK spans (scope "ai") with the withTierlens context', async () => {
    const exporter = new ControlledExporter();
    const processor = new TierlensSpanProcessor({ exporter, exitFlushTimeoutMillis: 0, scheduledDelayMillis: 60_000 });
    const aiTracer = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('ai');
    withTierlens({ feature: 'summaries', endUserId: 'u1', tags: { plan: 'pro' } }, () => aiTracer.startSpan('ai.generateText.doGenerate').end());
    await processor.forceFlush();
    expect(exporter.batches.flat()[0]?.attributes).toMatchObject({ 'tierlens.feature': 'summaries', 'tierlens.end_user.id': 'u1', 'tierlens.tag.plan': 'pro' });
  });

  it('invalid options never throw: the processor is disabled and the error reported', () => {
    const errors: string[] = [];
    const processor = new TierlensSpanProcessor({ maxQueueSize: -1, onError: (_e: unknown, where: string) => errors.push(where) } as never);
    expect(processor.enabled).toBe(false);
    expect(errors).toEqual(['invalid options']);
  });
});

describe('createOtlpExporter', () => {
  it('replaces the stock retrying transport with the unref-timer one (fails loudly on an exporter upgrade)', () => {
    const exporter = createOtlpExporter({ url: 'http://127.0.0.1:1/v1/traces', headers: {}, timeoutMillis: 1000, hasCredentials: true });
    const transport = (exporter as unknown as { _delegate: { _transport: unknown } })._delegate._transport;
    expect(transport).toBeInstanceOf(UnrefRetryingTransport);
  });

  it('UnrefRetryingTransport honours retryInMillis (Retry-After) and gives up past the deadline', async () => {
    const calls: number[] = [];
    const start = performance.now();
    const inner = {
      send: async () => {
        calls.push(performance.now() - start);
        return calls.length < 3 ? { status: 'retryable' as const, retryInMillis: 50 } : { status: 'success' as const };
      },
      shutdown: () => {},
    };
    const retries: number[] = [];
    const result = await new UnrefRetryingTransport(inner, { onRetry: (ms) => retries.push(ms) }).send(new Uint8Array(), 1000);
    expect(result.status).toBe('success');
    expect(retries).toEqual([50, 50]);
    expect(calls[2]! - calls[0]!).toBeGreaterThanOrEqual(95);

    const late = { send: async () => ({ status: 'retryable' as const, retryInMillis: 5000 }), shutdown: () => {} };
    const t0 = performance.now();
    expect((await new UnrefRetryingTransport(late, {}).send(new Uint8Array(), 1000)).status).toBe('retryable');
    expect(performance.now() - t0).toBeLessThan(100);
  });
});
