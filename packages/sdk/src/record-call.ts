import { context, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { ATTR, QUERY_TYPE_SOURCE_SDK } from './attributes.js';
import type { CallMapper, ResponseSummary, StreamAccumulator } from './call-mapper.js';
import { serializeMessages } from './capture-content.js';
import { applyContext } from './context-attributes.js';
import { observeApiPromise, type ApiPromiseObserver } from './observe-api-promise.js';
import { observeStream } from './observe-stream.js';
import { reportError } from './report-error.js';
import type { RouteMatch } from './router.js';
import type { Runtime } from './runtime.js';
import type { Classification } from './tierlens-options.js';
import { getTierlensContext, type TierlensContext } from './tierlens-context.js';
import { unwrapClient } from './unwrap-client.js';

/** Where the wrapped client sends requests (`server.address`, `server.port`), computed once per client. */
export interface ServerInfo {
  address: string;
  port: number;
}

/** Per-wrapper settings. */
export interface CallSettings {
  context: TierlensContext | undefined;
  includeStreamUsage: boolean | undefined;
  server: ServerInfo | undefined;
  /** The wrapped method's path on the client (e.g. `chat.completions.create`), to call it on a routing client. */
  path: readonly string[];
}

/**
 * If the app never asks for a response's data (it only used `.asResponse()`), the span ends this
 * long after the response arrived, without usage.
 */
const UNREAD_RESPONSE_GRACE_MILLIS = 2000;

/**
 * Makes one wrapped call: starts its span, invokes the client, observes the promise it returned from
 * the side and returns that very promise. Every SDK step is guarded; the client's own exceptions
 * propagate unchanged.
 */
export function recordCall<P extends object, R, C>(
  runtime: Runtime,
  mapper: CallMapper<P, R, C>,
  settings: CallSettings,
  params: P,
  invoke: (params: P) => unknown,
  rest: readonly unknown[] = [],
): unknown {
  let call: CallRecorder<P, R, C>;
  try {
    call = new CallRecorder(runtime, mapper, settings, params);
  } catch (error) {
    reportError(error, 'starting a span');
    return invoke(params);
  }
  let result: unknown;
  try {
    const redirect = call.redirect;
    result = redirect ? context.with(call.context, () => redirect(call.params, ...rest)) : context.with(call.context, invoke, undefined, call.params);
  } catch (error) {
    call.onError(error);
    throw error;
  }
  try {
    if (!observeApiPromise(result, call)) call.finish(undefined, undefined, true);
  } catch (error) {
    reportError(error, 'observing a call');
  }
  return result;
}

/**
 * Streams handed to the app and not read yet. A stream the app drops unread has no end to
 * observe, so its span is ended when the stream is garbage-collected (at the time its response
 * arrived, without usage). Registering costs well under a microsecond; a timer per stream would
 * have to guess how long is too long before reading starts.
 */
const unreadStreams = new FinalizationRegistry<{ finishUnread(): void }>((recorder) => recorder.finishUnread());

class CallRecorder<P extends object, R, C> implements ApiPromiseObserver {
  readonly span: Span;
  readonly context: ReturnType<typeof context.active>;
  /** The params sent: the app's, or a copy with `stream_options` added. */
  readonly params: P;
  /** Set when a rule sends the call to another provider's client: calls the same method there. */
  readonly redirect: ((params: P, ...rest: unknown[]) => unknown) | undefined;
  /** The query type the router classified the prompt as, reused for the span. */
  private classification: Classification | undefined;
  private readonly startedAt = performance.now();
  private readonly stream: boolean;
  private readonly hideUsageChunk: boolean;
  private accumulator: StreamAccumulator<C> | undefined;
  private firstChunkAt: number | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;
  /** When a stream's response arrived (the end of a stream that is never read). */
  private respondedAt: number | undefined;

  constructor(
    private readonly runtime: Runtime,
    private readonly mapper: CallMapper<P, R, C>,
    settings: CallSettings,
    params: P,
  ) {
    const model = mapper.model(params);
    this.stream = mapper.isStream(params);
    const attributes: Attributes = mapper.requestAttributes(params);
    attributes[ATTR.operationName] = mapper.operation;
    attributes[ATTR.providerName] = mapper.provider;
    attributes[ATTR.requestModel] = model;
    attributes[ATTR.requestStream] = this.stream;
    if (settings.server) {
      attributes[ATTR.serverAddress] = settings.server.address;
      attributes[ATTR.serverPort] = settings.server.port;
    }
    if (mapper.hasTools(params)) attributes[ATTR.hasTools] = true;
    applyContext(attributes, runtime.context);
    applyContext(attributes, settings.context);
    applyContext(attributes, getTierlensContext());
    const parent = context.active();
    this.span = runtime.startSpan(`${mapper.operation} ${model}`, attributes, parent);
    this.context = trace.setSpan(parent, this.span);
    const inject =
      this.stream &&
      mapper.streamUsageOption &&
      (params as { stream_options?: unknown }).stream_options === undefined &&
      (settings.includeStreamUsage ?? runtime.includeStreamUsage);
    this.hideUsageChunk = inject;
    let sent: P = inject ? { ...params, stream_options: { include_usage: true } } : params;
    let redirect: ((params: P, ...rest: unknown[]) => unknown) | undefined;
    const router = runtime.router;
    if (router && mapper.operation === 'chat') {
      try {
        const match = router.route(
          {
            provider: mapper.provider,
            model,
            feature: attributes[ATTR.feature] as string | undefined,
            queryTypeHint: attributes[ATTR.queryTypeHint] as string | undefined,
            hasTools: attributes[ATTR.hasTools] === true,
            promptText: () => mapper.promptText(params),
          },
          () => this.span.spanContext().traceId,
        );
        if (match) {
          this.classification = match.classification;
          const applied = this.applyRoute(match, sent, settings.path);
          sent = applied.params;
          redirect = applied.redirect;
        }
      } catch (error) {
        reportError(error, 'routing');
      }
    }
    this.params = sent;
    this.redirect = redirect;
  }

  /** Records the routing decision on the span and returns the params to send (and the client to send them to). */
  private applyRoute(match: RouteMatch, params: P, path: readonly string[]): { params: P; redirect?: (params: P, ...rest: unknown[]) => unknown } {
    const d = match.decision;
    if (!d) return { params };
    const span = this.span;
    span.setAttribute(ATTR.routingRuleId, d.rule.id);
    const target = d.rule.use.model;
    if (d.kind === 'shadow' || d.kind === 'control' || d.kind === 'skip') {
      span.setAttribute(ATTR.routingMode, d.kind === 'shadow' ? 'shadow' : d.kind === 'control' ? 'canary' : d.mode);
      span.setAttribute(ATTR.routingWouldUse, target);
      if (d.kind === 'control') span.setAttribute(ATTR.routingControl, true);
      if (d.kind === 'skip') span.setAttribute(ATTR.routingSkipped, d.reason);
      return { params };
    }
    let redirect: ((params: P, ...rest: unknown[]) => unknown) | undefined;
    if (d.client) {
      const method = methodAt(d.client, path);
      if (!method) {
        span.setAttribute(ATTR.routingMode, d.mode);
        span.setAttribute(ATTR.routingWouldUse, target);
        span.setAttribute(ATTR.routingSkipped, `client_lacks:${path.join('.')}`);
        return { params };
      }
      redirect = method;
      span.setAttribute(ATTR.providerName, d.rule.use.provider ?? this.mapper.provider);
    }
    const original = this.mapper.model(params);
    span.setAttribute(ATTR.routingMode, d.mode);
    span.setAttribute(ATTR.routingOriginalModel, original);
    span.setAttribute(ATTR.requestModel, target);
    span.updateName(`${this.mapper.operation} ${target}`);
    return { params: { ...params, model: target }, redirect };
  }

  onResponse(parsing: boolean): void {
    if (parsing || this.ended) return;
    this.graceTimer = setTimeout(() => this.finish(undefined, undefined, true), UNREAD_RESPONSE_GRACE_MILLIS);
    this.graceTimer.unref();
  }

  onParsed(data: unknown): void {
    if (this.ended) return;
    try {
      if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
      if (!this.stream) {
        this.finish(this.mapper.summarize(data as R, this.capturing()));
        return;
      }
      const acc = this.mapper.accumulator({ capture: this.capturing(), hideUsageChunk: this.hideUsageChunk });
      this.accumulator = acc;
      const observed = observeStream<C>(data, {
        onChunk: (chunk) => {
          try {
            const keep = acc.add(chunk);
            if (this.firstChunkAt === undefined && acc.sawOutput) this.firstChunkAt = performance.now();
            return keep;
          } catch (error) {
            reportError(error, 'reading a stream chunk');
            return true;
          }
        },
        onEnd: (error) => this.finish(acc.summary(), error ?? acc.streamError),
        onRead: () => unreadStreams.unregister(this),
      });
      if (!observed) this.finish(undefined, undefined, true);
      else if (typeof data === 'object' && data !== null) {
        this.respondedAt = performance.now();
        unreadStreams.register(data, this, this);
      }
    } catch (error) {
      reportError(error, 'reading a response');
      this.finish(undefined, undefined, true);
    }
  }

  onError(error: unknown): void {
    this.finish(this.accumulator?.summary(), error);
  }

  /** The app dropped the stream without reading it: the call happened, its usage is unknown. */
  finishUnread(): void {
    if (this.ended) return;
    try {
      this.span.setAttribute(ATTR.streamUnread, true);
    } catch (error) {
      reportError(error, 'ending a span');
    }
    this.finish(undefined, undefined, true, this.respondedAt);
  }

  /** Ends the span once, with the response summary and/or the error. Never throws. */
  finish(summary: ResponseSummary | undefined, error?: unknown, unobserved = false, endedAt?: number): void {
    if (this.ended) return;
    this.ended = true;
    const endAt = endedAt ?? performance.now();
    if (this.respondedAt !== undefined) unreadStreams.unregister(this);
    try {
      if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
      const span = this.span;
      if (summary) setSummary(span, summary);
      if (this.firstChunkAt !== undefined) span.setAttribute(ATTR.responseTimeToFirstChunk, (this.firstChunkAt - this.startedAt) / 1000);
      if (error !== undefined) {
        span.setAttribute(ATTR.errorType, errorType(error));
        const status = (error as { status?: unknown }).status;
        if (typeof status === 'number') span.setAttribute(ATTR.httpStatusCode, status);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      } else if (!summary?.usage || unobserved) {
        span.setAttribute(ATTR.usageMissing, true);
      }
      if (this.runtime.classify || this.capturing()) {
        // Classification and content serialisation can be slow: run them off the app's await path.
        setImmediate(() => this.finishDeferred(summary, endAt));
      } else {
        span.end(endAt);
      }
    } catch (e) {
      reportError(e, 'ending a span');
    }
  }

  private finishDeferred(summary: ResponseSummary | undefined, endAt: number): void {
    const { span, runtime, mapper, params } = this;
    try {
      if (runtime.classify) {
        let result = this.classification;
        if (!result) {
          const text = mapper.promptText(params);
          result = (text ? runtime.classify(text) : undefined) ?? undefined;
        }
        if (result && typeof result.queryType === 'string') {
          span.setAttribute(ATTR.queryType, result.queryType);
          span.setAttribute(ATTR.queryTypeSource, QUERY_TYPE_SOURCE_SDK);
          if (typeof result.confidence === 'number') span.setAttribute(ATTR.queryTypeConfidence, result.confidence);
        }
      }
    } catch (error) {
      reportError(error, 'classify');
    }
    try {
      if (this.capturing()) {
        const redact = runtime.captureContent === 'redacted' ? runtime.redact : undefined;
        const system = mapper.systemInstructions(params);
        if (system) span.setAttribute(ATTR.systemInstructions, serializeMessages(system, redact));
        // Embeddings have no messages (their input is a document, not a request).
        const input = mapper.inputMessages(params);
        if (input.length > 0) span.setAttribute(ATTR.inputMessages, serializeMessages(input, redact));
        if (summary?.output) span.setAttribute(ATTR.outputMessages, serializeMessages(summary.output, redact));
      }
    } catch (error) {
      reportError(error, 'captureContent');
    }
    try {
      span.end(endAt);
    } catch (error) {
      reportError(error, 'ending a span');
    }
  }

  private capturing(): boolean {
    return this.runtime.captureContent !== false;
  }
}

function setSummary(span: Span, s: ResponseSummary): void {
  if (s.id) span.setAttribute(ATTR.responseId, s.id);
  if (s.model) span.setAttribute(ATTR.responseModel, s.model);
  if (s.finishReasons && s.finishReasons.length > 0) span.setAttribute(ATTR.responseFinishReasons, s.finishReasons);
  const u = s.usage;
  if (!u) return;
  if (u.input !== undefined) span.setAttribute(ATTR.usageInputTokens, u.input);
  if (u.output !== undefined) span.setAttribute(ATTR.usageOutputTokens, u.output);
  if (u.cacheRead !== undefined) span.setAttribute(ATTR.usageCacheReadInputTokens, u.cacheRead);
  if (u.cacheWrite !== undefined) span.setAttribute(ATTR.usageCacheWriteInputTokens, u.cacheWrite);
  if (u.reasoning !== undefined) span.setAttribute(ATTR.usageReasoningOutputTokens, u.reasoning);
}

/**
 * The method at `path` on another client (a routing target), bound to its resource. A client the
 * app wrapped too is unwrapped first, so the routed call is recorded once, by this span.
 */
function methodAt<P>(client: object, path: readonly string[]): ((params: P, ...rest: unknown[]) => unknown) | undefined {
  let resource: unknown = unwrapClient(client);
  for (const key of path.slice(0, -1)) resource = (resource as Record<string, unknown> | undefined)?.[key];
  const fn = (resource as Record<string, unknown> | undefined)?.[path[path.length - 1]!];
  return typeof fn === 'function' ? (params: P, ...rest: unknown[]) => (fn as (p: P, ...r: unknown[]) => unknown).call(resource, params, ...rest) : undefined;
}

/** A low-cardinality error identifier: the error's class name (e.g. `RateLimitError`), as the conventions suggest. */
function errorType(error: unknown): string {
  if (!(error instanceof Error)) return '_OTHER';
  const ctor = error.constructor?.name;
  return ctor && ctor !== 'Error' && ctor !== 'Object' ? ctor : error.name || 'Error';
}
