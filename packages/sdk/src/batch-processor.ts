import { context, TraceFlags, type Attributes } from '@opentelemetry/api';
import { ExportResultCode, suppressTracing, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, Span, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { applyContext } from './context-attributes.js';
import { getRuntime } from './runtime.js';
import { getTierlensContext } from './tierlens-context.js';
import { createOtlpExporter } from './create-otlp-exporter.js';
import { isLlmSpan } from './is-llm-span.js';
import { reportError, setErrorHandler } from './report-error.js';
import { resolveExportConfig } from './resolve-export-config.js';
import { ZExportOptions, type ExportOptions } from './tierlens-options.js';
import { registerExitFlush, unregisterExitFlush } from './exit-flush.js';
import { withDeadline } from './with-deadline.js';

/** Counters of a {@link TierlensSpanProcessor}; all but `queued` and `inFlight` only grow. */
export interface TierlensStats {
  /** Spans waiting to be exported now. */
  queued: number;
  /** Spans being exported now. */
  inFlight: number;
  /** Spans the endpoint accepted. */
  exported: number;
  /** Spans dropped because the queue was full (or the processor was shut down with spans pending). */
  dropped: number;
  /** Spans whose export failed after its retries. */
  failed: number;
  /** Export requests retried (429/502/503/504 or a network error). */
  retries: number;
  /** Export batches sent. */
  batches: number;
}

/** Options of {@link TierlensSpanProcessor}. */
export type TierlensSpanProcessorOptions = ExportOptions & {
  /** Which ended spans to export; default {@link isLlmSpan} (Tierlens, GenAI and Vercel AI SDK spans). */
  spanFilter?: (span: ReadableSpan) => boolean;
};

const DEFAULTS = { maxQueueSize: 2048, maxExportBatchSize: 512, scheduledDelayMillis: 1000, exitFlushTimeoutMillis: 1000 };

/**
 * A batching span processor that exports LLM spans to Tierlens, modelled on OpenTelemetry's
 * `BatchSpanProcessorBase`, with what an SDK living inside someone else's app needs on top: a
 * bounded queue that drops and counts on overflow, one export at a time, unref'ed timers,
 * `forceFlush()`/`shutdown()` that are idempotent and never reject, and counters ({@link getStats}).
 *
 * Add it to your own tracer provider when the app already uses OpenTelemetry:
 * `new NodeTracerProvider({ spanProcessors: [new TierlensSpanProcessor({ apiKey })] })`.
 * Without an API key (option or `TIERLENS_API_KEY`) or a custom exporter it is disabled and every
 * method is a no-op.
 */
export class TierlensSpanProcessor implements SpanProcessor {
  /** False when no API key or exporter was configured (or options were invalid): nothing is exported. */
  readonly enabled: boolean;
  private readonly exporter: SpanExporter | undefined;
  private readonly filter: (span: ReadableSpan) => boolean;
  private readonly maxQueueSize: number;
  private readonly maxBatch: number;
  private readonly delayMillis: number;
  private readonly exportTimeoutMillis: number;
  readonly exitFlushTimeoutMillis: number;
  private queue: ReadableSpan[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerIsImmediate = false;
  private draining: Promise<void> | undefined;
  private shutdownPromise: Promise<void> | undefined;
  /** Set when shutdown gave up on the queue: a drain still running stops after its current batch. */
  private stopped = false;
  private flushRequested = false;
  private readonly stats: TierlensStats = { queued: 0, inFlight: 0, exported: 0, dropped: 0, failed: 0, retries: 0, batches: 0 };

  constructor(options: TierlensSpanProcessorOptions = {}) {
    const { spanFilter, ...rest } = options;
    const parsed = ZExportOptions.safeParse(rest);
    if (!parsed.success) {
      if (typeof rest.onError === 'function') setErrorHandler(rest.onError);
      reportError(new Error(parsed.error.message), 'invalid options');
    }
    const o = parsed.success ? parsed.data : { enabled: false };
    if (o.onError) setErrorHandler(o.onError);
    this.filter = spanFilter ?? isLlmSpan;
    this.maxQueueSize = o.maxQueueSize ?? DEFAULTS.maxQueueSize;
    this.maxBatch = Math.min(o.maxExportBatchSize ?? DEFAULTS.maxExportBatchSize, this.maxQueueSize);
    this.delayMillis = o.scheduledDelayMillis ?? DEFAULTS.scheduledDelayMillis;
    this.exitFlushTimeoutMillis = o.exitFlushTimeoutMillis ?? DEFAULTS.exitFlushTimeoutMillis;
    let exporter: SpanExporter | undefined;
    let timeout = o.timeoutMillis ?? 10_000;
    try {
      if (o.exporter) {
        exporter = o.exporter;
      } else {
        const config = resolveExportConfig(o);
        timeout = config.timeoutMillis;
        if (o.enabled ?? config.hasCredentials) {
          exporter = createOtlpExporter(config, { onRetry: () => void this.stats.retries++ });
        }
      }
    } catch (error) {
      reportError(error, 'creating the exporter');
    }
    this.exportTimeoutMillis = timeout;
    this.exporter = o.enabled === false ? undefined : exporter;
    this.enabled = this.exporter !== undefined;
    if (this.enabled && this.exitFlushTimeoutMillis > 0) registerExitFlush(this);
  }

  /**
   * Stamps Vercel AI SDK spans (scope `ai`) with the Tierlens context of the call (from `init()`
   * and `withTierlens()`), so `feature`, `endUserId` and tags reach Tierlens for calls made
   * through the AI SDK too. Tierlens's own spans already carry it.
   */
  onStart(span: Span): void {
    if (!this.enabled || span.instrumentationScope?.name !== 'ai') return;
    try {
      const attributes: Attributes = {};
      applyContext(attributes, getRuntime()?.context);
      applyContext(attributes, getTierlensContext());
      span.setAttributes(attributes);
    } catch (error) {
      reportError(error, 'onStart');
    }
  }

  /** Spans ended on the app's provider: sampled LLM spans (see `spanFilter`) are queued. */
  onEnd(span: ReadableSpan): void {
    if (!this.enabled || this.shutdownPromise) return;
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    try {
      if (!this.filter(span)) return;
    } catch (error) {
      reportError(error, 'spanFilter');
      return;
    }
    this.push(span);
  }

  /**
   * The SDK's own call spans come here directly: they are LLM spans and always sampled, so the
   * checks of {@link onEnd} (which would generate their ids on the hot path) are skipped.
   * @internal
   */
  enqueue(span: ReadableSpan): void {
    if (!this.enabled || this.shutdownPromise) return;
    this.push(span);
  }

  /** The hot path: a push onto the bounded queue. */
  private push(span: ReadableSpan): void {
    if (this.queue.length >= this.maxQueueSize) {
      this.stats.dropped++;
      return;
    }
    this.queue.push(span);
    // A running drain picks the span up; otherwise wait for the batch to fill or the delay to pass.
    if (this.draining !== undefined) return;
    if (this.queue.length >= this.maxBatch) {
      if (this.timerIsImmediate) return;
      // A full batch goes out on the next turn of the event loop, never inside the caller's span.end().
      this.clearTimer();
      this.timerIsImmediate = true;
      this.timer = setTimeout(this.onTimer, 0);
      this.timer.unref();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(this.onTimer, this.delayMillis);
      this.timer.unref();
    }
  }

  /**
   * Exports everything queued now. Resolves when done or at the export deadline (`timeoutMillis`),
   * whichever comes first; never rejects.
   */
  forceFlush(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    if (this.shutdownPromise) return this.shutdownPromise;
    return withDeadline(this.drain(true), this.exportTimeoutMillis);
  }

  /**
   * Flushes, then shuts the exporter down, all within one export deadline; spans still queued
   * then are dropped (and counted). Idempotent; never rejects.
   */
  shutdown(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.shutdownPromise ??= (async () => {
      unregisterExitFlush(this);
      const deadline = Date.now() + this.exportTimeoutMillis;
      await withDeadline(this.drain(true), this.exportTimeoutMillis);
      this.stopped = true;
      this.clearTimer();
      this.stats.dropped += this.queue.length;
      this.queue = [];
      await withDeadline(Promise.resolve().then(() => this.exporter?.shutdown()), Math.max(deadline - Date.now(), 0), 'exporter shutdown');
    })();
    return this.shutdownPromise;
  }

  /** Counters since the processor was created. */
  getStats(): TierlensStats {
    return { ...this.stats, queued: this.queue.length };
  }

  /** True when spans are waiting or being exported. */
  hasPendingWork(): boolean {
    return this.queue.length > 0 || this.draining !== undefined;
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    this.timerIsImmediate = false;
    void this.drain(false);
  };

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerIsImmediate = false;
  }

  /** After an export: a full batch goes at once, a partial one waits for the delay. */
  private schedule(): void {
    if (this.queue.length === 0 || this.stopped || this.shutdownPromise || this.timer !== undefined) return;
    this.timerIsImmediate = this.queue.length >= this.maxBatch;
    this.timer = setTimeout(this.onTimer, this.timerIsImmediate ? 0 : this.delayMillis);
    this.timer.unref();
  }

  /**
   * Exports batches one after another. A timer-driven run sends one batch and then only full
   * ones (so sustained traffic is sent in full batches, not one request per span); a flush
   * (`all`) sends everything queued. Concurrent callers share the run; a flush requested during
   * a timer-driven run extends it.
   */
  private drain(all: boolean): Promise<void> {
    if (all) this.flushRequested = true;
    this.clearTimer();
    if (this.draining) return this.draining;
    if (this.queue.length === 0 || this.stopped) {
      this.flushRequested = false;
      return Promise.resolve();
    }
    // Reactions run asynchronously, so `draining` is set before this clean-up can clear it.
    const run = this.exportQueued().finally(() => {
      this.draining = undefined;
      this.flushRequested = false;
      this.schedule();
    });
    this.draining = run;
    return run;
  }

  private async exportQueued(): Promise<void> {
    let sent = false;
    while (this.queue.length > 0 && !this.stopped) {
      if (sent && !this.flushRequested && this.queue.length < this.maxBatch) break;
      const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.length <= this.maxBatch ? [] : this.queue.slice(this.maxBatch);
      await this.exportBatch(batch);
      sent = true;
    }
  }

  private exportBatch(batch: ReadableSpan[]): Promise<void> {
    const exporter = this.exporter;
    if (!exporter) return Promise.resolve();
    this.stats.batches++;
    this.stats.inFlight = batch.length;
    return new Promise<void>((resolve) => {
      let settled = false;
      const finish = (ok: boolean, error?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        this.stats.inFlight = 0;
        if (ok) this.stats.exported += batch.length;
        else {
          this.stats.failed += batch.length;
          reportError(error ?? new Error('export failed'), 'export');
        }
        resolve();
      };
      // An exporter that never calls back must not stall the queue forever.
      const guard = setTimeout(() => finish(false, new Error('export timed out')), this.exportTimeoutMillis + 1000);
      guard.unref();
      try {
        // Suppress tracing so that HTTP instrumentation does not trace the export itself.
        context.with(suppressTracing(context.active()), () => {
          exporter.export(batch, (result: ExportResult) => finish(result.code === ExportResultCode.SUCCESS, result.error));
        });
      } catch (error) {
        finish(false, error);
      }
    });
  }
}
