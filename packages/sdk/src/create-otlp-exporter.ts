import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ExportConfig } from './resolve-export-config.js';

/** Counters the exporter's transport reports to its span processor. */
export interface TransportEvents {
  onRetry?: (delayMillis: number) => void;
}

type TransportResponse =
  | { status: 'success'; data?: Uint8Array }
  | { status: 'failure'; error: Error }
  | { status: 'retryable'; retryInMillis?: number; error?: Error };

interface Transport {
  send(data: Uint8Array, timeoutMillis: number): Promise<TransportResponse>;
  shutdown(): void;
}

const MAX_ATTEMPTS = 5;
const INITIAL_BACKOFF_MILLIS = 1000;
const MAX_BACKOFF_MILLIS = 5000;
const BACKOFF_MULTIPLIER = 1.5;
const JITTER = 0.2;

/**
 * The OTLP/HTTP protobuf exporter of `@opentelemetry/exporter-trace-otlp-proto`, configured so
 * that it never keeps the host process alive: its sockets are unref'ed, and its retrying
 * transport (which already honours `Retry-After`, backs off with jitter and stops at the export
 * deadline) is replaced by the same algorithm with unref'ed timers. The stock transport's retry
 * timers are ref'ed, so a down ingest would hold a finished script open for the whole deadline.
 */
export function createOtlpExporter(config: ExportConfig, events: TransportEvents = {}): SpanExporter {
  const exporter = new OTLPTraceExporter({
    url: config.url,
    headers: config.headers,
    timeoutMillis: config.timeoutMillis,
    // One export at a time is what the span processor sends; a little headroom for flush().
    concurrencyLimit: 4,
    httpAgentOptions: createUnrefAgent,
  });
  replaceRetryingTransport(exporter, events);
  return exporter;
}

/**
 * Swaps the exporter's retrying transport for {@link UnrefRetryingTransport}. The exporter does not
 * expose its transport, so this reaches into `_delegate._transport._transport` of the pinned
 * exporter version; if that shape is not there (another version), the stock transport stays,
 * which still works but may hold the process open while it retries.
 */
export function replaceRetryingTransport(exporter: SpanExporter, events: TransportEvents): boolean {
  const delegate = (exporter as unknown as { _delegate?: { _transport?: { _transport?: Transport } } })._delegate;
  const inner = delegate?._transport?._transport;
  if (!delegate || !inner || typeof inner.send !== 'function') return false;
  delegate._transport = new UnrefRetryingTransport(inner, events) as unknown as { _transport?: Transport };
  return true;
}

/** Retries 429/502/503/504 and network errors, honouring `Retry-After`, within the export deadline. */
export class UnrefRetryingTransport implements Transport {
  constructor(
    readonly _transport: Transport,
    private readonly events: TransportEvents,
  ) {}

  async send(data: Uint8Array, timeoutMillis: number): Promise<TransportResponse> {
    const deadline = Date.now() + timeoutMillis;
    let result = await this._transport.send(data, timeoutMillis);
    let nextBackoff = INITIAL_BACKOFF_MILLIS;
    for (let attempt = 1; result.status === 'retryable' && attempt < MAX_ATTEMPTS; attempt++) {
      const jittered = Math.min(nextBackoff * (1 + (Math.random() * 2 - 1) * JITTER), MAX_BACKOFF_MILLIS);
      nextBackoff *= BACKOFF_MULTIPLIER;
      const delay = Math.max(result.retryInMillis ?? jittered, 0);
      const remaining = deadline - Date.now();
      if (delay > remaining) return result;
      this.events.onRetry?.(delay);
      await sleepUnref(delay);
      result = await this._transport.send(data, deadline - Date.now());
    }
    return result;
  }

  shutdown(): void {
    this._transport.shutdown();
  }
}

function sleepUnref(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * An HTTP(S) agent whose sockets never keep the event loop alive, even while a request is in
 * flight. Loaded lazily so that an app's HTTP instrumentation (which suppresses tracing for
 * exports anyway) can patch the modules first.
 */
async function createUnrefAgent(protocol: string): Promise<HttpAgent | HttpsAgent> {
  const mod = protocol === 'http:' ? await import('node:http') : await import('node:https');
  const agent = new mod.Agent({ keepAlive: true, maxSockets: 4 });
  type Socket = { unref?: () => void };
  const patchable = agent as unknown as {
    createConnection: (...args: unknown[]) => Socket | undefined;
    reuseSocket: (socket: Socket, request: unknown) => void;
  };
  const createConnection = patchable.createConnection;
  const reuseSocket = patchable.reuseSocket;
  patchable.createConnection = function (this: unknown, ...args: unknown[]) {
    const socket = createConnection.apply(this, args);
    socket?.unref?.();
    return socket;
  };
  // Node re-refs a keep-alive socket when it reuses it.
  patchable.reuseSocket = function (this: unknown, socket: Socket, request: unknown) {
    reuseSocket.call(this, socket, request);
    socket.unref?.();
  };
  return agent;
}
