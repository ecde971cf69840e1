import type { TracerProvider } from '@opentelemetry/api';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';
import type { ErrorHandler } from './report-error.js';
import type { TierlensContext } from './tierlens-context.js';

/** What a local query-type classifier returns (the analyzer's `classifyPrompt` has this shape). */
export interface Classification {
  queryType: string;
  confidence: number;
}

/** A local classifier: gets the prompt's text, returns its query type (or nothing to skip). */
export type Classify = (text: string) => Classification | undefined | null;

/** Redacts captured text before it leaves the process (used with `captureContent: 'redacted'`). */
export type Redact = (text: string) => string;

const isFunction = (v: unknown) => typeof v === 'function';
const fn = <T>() => z.custom<T>(isFunction, { message: 'expected a function' });

const ZTags = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** Zod schema of the per-call Tierlens context (see {@link TierlensContext}). */
export const ZTierlensContext = z.object({
  feature: z.string().optional(),
  environment: z.string().optional(),
  endUserId: z.string().optional(),
  queryType: z.string().optional(),
  tags: ZTags.optional(),
}) satisfies z.ZodType<TierlensContext>;

/**
 * Routing options of `init()`: apply the project's routing rules to wrapped calls. See the README,
 * "Apply rules in your app".
 */
export const ZRoutingOptions = z.object({
  /** `off` (default): rules are not read. `shadow`: calls are unchanged, spans say what a rule would use. `enforce`: rules apply by their own mode (shadow, canary, enforce). */
  mode: z.enum(['off', 'shadow', 'enforce']).default('off'),
  /** How often the policy is fetched from the ingest, in seconds. Default 60. */
  refreshSeconds: z.number().positive().default(60),
  /** A static policy instead of the ingest's: the policy object, or the path of its JSON file (read once at `init()`). */
  policy: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
  /** Clients for other providers, by provider id (e.g. `{ mistral_ai: new OpenAI({ baseURL }) }`): a rule whose target is another provider than the wrapped client's is applied only through one of these, with the same API as the wrapped client. */
  clients: z.record(z.string(), z.custom<object>((v) => typeof v === 'object' && v !== null, { message: 'expected a client object' })).optional(),
  /** Where the policy is fetched; default `${endpoint}/v1/routing-policy`. */
  url: z.url().optional(),
});

/** See {@link ZRoutingOptions}. */
export type RoutingOptions = z.input<typeof ZRoutingOptions>;

/** Options shared by `init()` and `new TierlensSpanProcessor()`: where and how spans are exported. */
export const ZExportOptions = z.object({
  /** Tierlens project API key; default `TIERLENS_API_KEY`. Sent as `Authorization: Bearer <key>`. */
  apiKey: z.string().min(1).optional(),
  /** Base URL of the Tierlens ingest; traces go to `${endpoint}/v1/traces`. Default `TIERLENS_ENDPOINT`, then `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT`, then `http://localhost:4318`. */
  endpoint: z.url().optional(),
  /** Extra export headers (added to `OTEL_EXPORTER_OTLP_(TRACES_)HEADERS`). */
  headers: z.record(z.string(), z.string()).optional(),
  /** Deadline of one export including its retries, in ms; default `OTEL_EXPORTER_OTLP_(TRACES_)TIMEOUT` or 10000. */
  timeoutMillis: z.number().int().positive().optional(),
  /** Spans kept waiting for export at most; more are dropped and counted. Default 2048. */
  maxQueueSize: z.number().int().positive().optional(),
  /** Spans per export request at most. Default 512. */
  maxExportBatchSize: z.number().int().positive().optional(),
  /** How long a span waits for its batch to fill, in ms. Default 1000. */
  scheduledDelayMillis: z.number().int().nonnegative().optional(),
  /** When the process is about to exit with spans still queued, how long (ms) one last export may hold it. 0 turns this off. Default 1000. */
  exitFlushTimeoutMillis: z.number().int().nonnegative().optional(),
  /** Replaces the OTLP exporter (tests use an in-memory one). */
  exporter: z.custom<SpanExporter>((v) => isFunction((v as SpanExporter | undefined)?.export)).optional(),
  /** Force on or off. Default: on when an API key (or a custom exporter) is configured. */
  enabled: z.boolean().optional(),
  /** Receives the SDK's own failures instead of the default one-line `console.warn`. */
  onError: fn<ErrorHandler>().optional(),
});

/** Zod schema of `init()` options. */
export const ZTierlensOptions = ZExportOptions.extend({
  /** `service.name` of the resource; default `OTEL_SERVICE_NAME` or `unknown_service`. */
  serviceName: z.string().min(1).optional(),
  /** Context every call records (overridden per wrapper and per `withTierlens`). */
  context: ZTierlensContext.optional(),
  /** Record prompts and completions (`gen_ai.input.messages` etc.): off by default. `'redacted'` passes text through `redact` first. */
  captureContent: z.union([z.boolean(), z.literal('redacted')]).optional(),
  redact: fn<Redact>().optional(),
  /** Classify prompts locally (e.g. the analyzer's `classifyPrompt`); only the query type leaves the process. */
  classify: fn<Classify>().optional(),
  /** Ask OpenAI chat streams for a final usage chunk (hidden from your code). Default true. */
  includeStreamUsage: z.boolean().optional(),
  /** Create spans with this provider's tracer instead of the SDK's own provider (add a `TierlensSpanProcessor` to it). */
  tracerProvider: z.custom<TracerProvider>((v) => isFunction((v as TracerProvider | undefined)?.getTracer)).optional(),
  /** The processor that `flush()`, `shutdown()` and `getStats()` act on when you built your own provider. */
  spanProcessor: z.custom<SpanProcessor>((v) => isFunction((v as SpanProcessor | undefined)?.onEnd)).optional(),
  /** Register the SDK's own provider as the global OpenTelemetry tracer provider. Default false. */
  registerGlobal: z.boolean().optional(),
  /** Apply routing rules to wrapped calls (default off). */
  routing: ZRoutingOptions.optional(),
}).refine((o) => o.captureContent !== 'redacted' || o.redact !== undefined, {
  message: "captureContent: 'redacted' needs a redact function",
  path: ['redact'],
});

/** Options of `new TierlensSpanProcessor()`. */
export type ExportOptions = z.input<typeof ZExportOptions>;
/** Options of `init()`. */
export type TierlensOptions = z.input<typeof ZTierlensOptions>;

/** Environment variables the SDK reads. */
export const ZTierlensEnv = z.object({
  TIERLENS_API_KEY: z.string().optional(),
  TIERLENS_ENDPOINT: z.string().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().optional(),
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: z.string().optional(),
  OTEL_EXPORTER_OTLP_TIMEOUT: z.coerce.number().int().positive().optional().catch(undefined),
  OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: z.coerce.number().int().positive().optional().catch(undefined),
  OTEL_SERVICE_NAME: z.string().optional(),
});
export type TierlensEnv = z.infer<typeof ZTierlensEnv>;
