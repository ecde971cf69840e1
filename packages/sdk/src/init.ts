import { isSpanContextValid, SpanKind, trace, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, BasicTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { TRACER_NAME } from './attributes.js';
import { TierlensSpanProcessor, type TierlensStats } from './batch-processor.js';
import { PolicySource } from './policy-source.js';
import { readEnv, resolveExportConfig } from './resolve-export-config.js';
import { Router } from './router.js';
import { reportError, setErrorHandler } from './report-error.js';
import { LightSpan, type LightSpanSink } from './light-span.js';
import { getRuntime, setRuntime, type Runtime } from './runtime.js';
import { ZTierlensOptions, type TierlensOptions } from './tierlens-options.js';
import { SDK_VERSION } from './version.js';

/** The handle `init()` returns. Every method is safe to call at any time and never throws. */
export interface Tierlens {
  /** False when there is nothing to export to (no API key) or options were invalid: wrappers pass calls through. */
  readonly enabled: boolean;
  /** A tracer with the SDK's scope (`@tierlens/sdk`), for LLM spans you record yourself in the GenAI conventions. */
  readonly tracer: Tracer;
  /**
   * The tracer to hand to the Vercel AI SDK (`experimental_telemetry: { isEnabled: true, tracer }`).
   * Its scope is `ai`, the AI SDK's own, so the ingest reads its spans in the AI SDK's vocabulary.
   */
  readonly aiSdkTracer: Tracer;
  /** The provider behind `tracer`: the SDK's own, or the one you passed in. */
  readonly tracerProvider: TracerProvider;
  /** Exports everything recorded so far. Resolves when done or after the export deadline. */
  flush(): Promise<void>;
  /** Flushes and stops; later calls pass through unrecorded. Idempotent. */
  shutdown(): Promise<void>;
  /** Export counters: queued, in flight, exported, dropped, failed, retries, batches. */
  getStats(): TierlensStats;
  /**
   * Fetches the routing policy now (routing on, policy from the ingest) and resolves true when a
   * policy is loaded. Calls never wait for the policy; await this at start-up only if the first
   * calls should already be routed. Never rejects.
   */
  refreshRoutingPolicy(): Promise<boolean>;
}

const SCOPE = { name: TRACER_NAME, version: SDK_VERSION };

const EMPTY_STATS: TierlensStats = { queued: 0, inFlight: 0, exported: 0, dropped: 0, failed: 0, retries: 0, batches: 0 };

let active: Tierlens | undefined;

/**
 * Starts Tierlens. Reads `TIERLENS_API_KEY`, `TIERLENS_ENDPOINT` (default `http://localhost:4318`,
 * spans go to `/v1/traces`) and the standard `OTEL_EXPORTER_OTLP_*` variables; options win over the
 * environment. Without an API key it returns a disabled, no-op handle. Calling it again replaces
 * the previous set-up (which is shut down in the background).
 *
 * Alone, Tierlens uses its own tracer provider, not registered globally (unless
 * `registerGlobal: true`), so it does not interfere with an app's OpenTelemetry set-up. With one,
 * pass `tracerProvider` (your provider, to which you added a `TierlensSpanProcessor`) and that
 * processor as `spanProcessor`.
 *
 * @example
 * init({ apiKey: process.env.TIERLENS_API_KEY, context: { environment: 'production' } });
 */
export function init(options: TierlensOptions = {}): Tierlens {
  const previous = active;
  active = undefined;
  if (previous) void previous.shutdown();
  let handle: Tierlens;
  try {
    handle = create(options);
  } catch (error) {
    reportError(error, 'init');
    handle = disabledHandle();
  }
  active = handle;
  return handle;
}

function create(options: TierlensOptions): Tierlens {
  const parsed = ZTierlensOptions.safeParse(options);
  if (!parsed.success) {
    if (typeof options.onError === 'function') setErrorHandler(options.onError);
    reportError(new Error(`invalid options: ${parsed.error.message}`), 'init');
    setRuntime(undefined);
    return disabledHandle();
  }
  const o = parsed.data;
  setErrorHandler(o.onError);
  let processor: SpanProcessor | undefined = o.spanProcessor;
  let own: TierlensSpanProcessor | undefined;
  if (!processor && !o.tracerProvider) {
    own = new TierlensSpanProcessor({ ...o });
    processor = own;
  }
  const enabled = o.enabled ?? (own ? own.enabled : true);
  let provider: TracerProvider;
  let startSpan: Runtime['startSpan'];
  if (o.tracerProvider) {
    provider = o.tracerProvider;
    const appTracer = provider.getTracer(TRACER_NAME, SDK_VERSION);
    startSpan = (name, attributes, parent) => appTracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
  } else {
    const resource = defaultResource().merge(
      resourceFromAttributes({ 'service.name': o.serviceName ?? readEnv().OTEL_SERVICE_NAME ?? 'unknown_service:node' }),
    );
    provider = new BasicTracerProvider({
      resource,
      spanProcessors: enabled && processor ? [processor] : [],
      ...(enabled ? {} : { sampler: new AlwaysOffSampler() }),
    });
    if (o.registerGlobal && enabled) trace.setGlobalTracerProvider(provider);
    // The wrappers' own spans skip the provider: see LightSpan.
    const sink: LightSpanSink =
      processor instanceof TierlensSpanProcessor ? processor : { enqueue: (span) => processor?.onEnd(span) };
    startSpan = (name, attributes, parent) => {
      const parentContext = trace.getSpanContext(parent);
      return new LightSpan(sink, name, attributes, resource, SCOPE, parentContext && isSpanContextValid(parentContext) ? parentContext : undefined);
    };
  }
  const tracer = provider.getTracer(TRACER_NAME, SDK_VERSION);
  const aiSdkTracer = provider.getTracer('ai');
  setRuntime({
    enabled,
    startSpan,
    captureContent: o.captureContent ?? false,
    redact: o.redact,
    classify: o.classify,
    includeStreamUsage: o.includeStreamUsage ?? true,
    context: o.context,
    router: enabled ? createRouter(o) : undefined,
  });
  const runtime = getRuntime();
  let stopped: Promise<void> | undefined;
  const stats = processor instanceof TierlensSpanProcessor ? processor : undefined;
  return {
    enabled,
    tracer,
    aiSdkTracer,
    tracerProvider: provider,
    flush: () => safe(processor?.forceFlush() ?? (provider as { forceFlush?: () => Promise<void> }).forceFlush?.()),
    shutdown: () => {
      stopped ??= (async () => {
        // Only stop recording if this handle is still the active one (a later init() may have replaced it).
        if (getRuntime() === runtime) setRuntime(undefined);
        runtime?.router?.source.stop();
        await safe(own ? own.shutdown() : processor?.forceFlush());
        // The app's own provider is the app's to shut down.
        if (!o.tracerProvider && provider instanceof BasicTracerProvider) await safe(provider.shutdown());
      })();
      return stopped;
    },
    getStats: () => stats?.getStats() ?? { ...EMPTY_STATS },
    refreshRoutingPolicy: async () => {
      const source = runtime?.router?.source;
      if (!source) return false;
      await source.refresh();
      return source.current !== undefined;
    },
  };
}

/** The router for `init({ routing })`: a static policy, or the ingest's, polled in the background. */
function createRouter(o: ReturnType<typeof ZTierlensOptions.parse>): Router | undefined {
  const r = o.routing;
  if (!r || r.mode === 'off') return undefined;
  let source: PolicySource;
  if (r.policy !== undefined) {
    source = new PolicySource({ kind: 'static', policy: r.policy });
  } else {
    const config = resolveExportConfig(o);
    source = new PolicySource({
      kind: 'remote',
      url: r.url ?? config.url.replace(/\/v1\/traces$/, '') + '/v1/routing-policy',
      headers: config.headers,
      refreshMillis: r.refreshSeconds * 1000,
      // A policy fetch is small: it should not hold a short script at exit for the export deadline.
      timeoutMillis: Math.min(config.timeoutMillis, 5_000),
    });
    source.start();
  }
  return new Router(r.mode, source, r.clients ?? {}, o.classify);
}

function disabledHandle(): Tierlens {
  const provider = new BasicTracerProvider({ sampler: new AlwaysOffSampler() });
  return {
    enabled: false,
    tracer: provider.getTracer(TRACER_NAME, SDK_VERSION),
    aiSdkTracer: provider.getTracer('ai'),
    tracerProvider: provider,
    flush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
    getStats: () => ({ ...EMPTY_STATS }),
    refreshRoutingPolicy: () => Promise.resolve(false),
  };
}

async function safe(promise: Promise<unknown> | undefined): Promise<void> {
  try {
    await promise;
  } catch (error) {
    reportError(error, 'flush');
  }
}

/** The handle of the last `init()`, if any. */
export function getTierlens(): Tierlens | undefined {
  return active;
}

/** Flushes the active set-up (see {@link Tierlens.flush}); a no-op before `init()`. */
export function flush(): Promise<void> {
  return active?.flush() ?? Promise.resolve();
}

/** Shuts the active set-up down (see {@link Tierlens.shutdown}); a no-op before `init()`. */
export function shutdown(): Promise<void> {
  return active?.shutdown() ?? Promise.resolve();
}

/** Export counters of the active set-up; zeros before `init()`. */
export function getStats(): TierlensStats {
  return active?.getStats() ?? { ...EMPTY_STATS };
}
