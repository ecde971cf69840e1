import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type pg from 'pg';
import { pendingMigrations } from '@tierlens/db/runtime';
import { AdmissionGate, type AdmissionTicket } from './admission-gate.ts';
import { ApiKeyResolver, readApiKey } from './auth/api-key-resolver.ts';
import type { IngestConfig } from './config.ts';
import { handleExport, type ExportOutcome } from './handle-export.ts';
import { PriceOverrideCache } from './price-override-cache.ts';
import { readBody, RequestError } from './read-body.ts';
import { createRoutingPolicyRoute, ROUTING_POLICY_PATH } from './routing-policy/create-routing-policy-route.ts';
import { encodeExportResponse, encodeStatus, otlpFormatOf, type OtlpFormat } from './otlp/index.ts';
import { OverloadedError, WriteGate } from './write-gate.ts';

export interface IngestServerOptions {
  pool: pg.Pool;
  config: IngestConfig;
  /** Cache time of API-key lookups; a revoked key stops working within it. */
  apiKeyTtlMs?: number;
  log?: (line: string) => void;
}

export interface IngestServer {
  server: Server;
  /** Totals since start, for logs and tests. */
  stats: { requests: number; refused: number; callsStored: number; duplicates: number; rejectedSpans: number; skippedSpans: number };
}

const TRACE_PATHS = new Set(['/v1/traces', '/api/public/otel/v1/traces']);

/**
 * The OTLP/HTTP receiver, not yet listening (tests listen on an ephemeral port; `main.ts` on
 * 4318). POST /v1/traces (and Langfuse's /api/public/otel/v1/traces) with protobuf or JSON,
 * GET /healthz, GET /readyz, and GET /v1/routing-policy for the SDK.
 */
export function createIngestServer(options: IngestServerOptions): IngestServer {
  const { pool, config } = options;
  const keys = new ApiKeyResolver(pool, { ttlMs: options.apiKeyTtlMs });
  const overrides = new PriceOverrideCache(pool);
  const gate = new WriteGate(config.INGEST_MAX_CONCURRENT_WRITES, config.INGEST_MAX_QUEUED);
  const admission = new AdmissionGate({
    maxRequests: config.INGEST_MAX_INFLIGHT_REQUESTS,
    maxBytes: config.INGEST_MAX_INFLIGHT_BYTES,
    targetLatencyMs: config.INGEST_REQUEST_DEADLINE_MS / 2,
  });
  const stats: IngestServer['stats'] = { requests: 0, refused: 0, callsStored: 0, duplicates: 0, rejectedSpans: 0, skippedSpans: 0 };
  const log = options.log ?? (() => {});
  const routingPolicy = createRoutingPolicyRoute({ pool, keys, log });

  const server = createServer((req, res) => {
    route(req, res).catch((err) => {
      log(`ingest: unexpected error: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) sendStatus(res, otlpFormatOf(req.headers['content-type']) ?? 'json', 500, 'Internal error while storing the spans; retry.');
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/readyz') return readyz(res);
    if (path === ROUTING_POLICY_PATH) return routingPolicy(req, res);
    if (!TRACE_PATHS.has(path)) return sendJson(res, 404, { error: `No route ${req.method} ${path}. Send OTLP traces to POST /v1/traces.` });
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, { error: `Use POST for ${path}.` });
    }
    stats.requests++;
    const format = otlpFormatOf(req.headers['content-type']);
    if (!format) {
      req.resume();
      return sendStatus(res, 'json', 415, `Unsupported Content-Type "${req.headers['content-type'] ?? ''}": use application/x-protobuf or application/json.`);
    }
    const secret = readApiKey(req.headers);
    if (!secret) {
      req.resume();
      return sendStatus(res, format, 401, 'Missing API key: send it as "Authorization: Bearer <key>" (e.g. OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <key>").');
    }
    // Admission comes before the key lookup and the body: a full ingest answers at once, holding
    // no bytes and no database connection for the refused request.
    const deadline = performance.now() + config.INGEST_REQUEST_DEADLINE_MS;
    let ticket: AdmissionTicket;
    try {
      ticket = admission.admit(declaredLength(req));
    } catch (err) {
      if (!(err instanceof OverloadedError)) throw err;
      req.resume();
      stats.refused++;
      return sendOverloaded(res, format, err);
    }
    let outcome: ExportOutcome;
    try {
      const key = await keys.resolve(secret);
      if (!key) {
        req.resume();
        return sendStatus(res, format, 401, 'Invalid or revoked API key. Create a new key in Settings → API keys or with `npx tierlens key create`.');
      }
      if (key.scope !== 'write') {
        req.resume();
        return sendStatus(res, format, 403, 'This API key is read-only (for /api/v1): send spans with a write key of the project.');
      }
      const body = await readBody(req, config.INGEST_MAX_BODY_BYTES, (bytes) => ticket.reserve(bytes));
      outcome = await handleExport({
        body,
        format,
        projectId: key.projectId,
        maxSpans: config.INGEST_MAX_SPANS_PER_REQUEST,
        storeContent: config.INGEST_STORE_CONTENT,
        maxSpanAgeMs: config.INGEST_MAX_SPAN_AGE_DAYS * 86_400_000,
        overrides: () => overrides.get(key.projectId, key.organizationId),
        store: (fn, maxWaitMs) => gate.run(fn, maxWaitMs),
        deadline,
        pool,
      });
    } catch (err) {
      if (err instanceof RequestError) return sendStatus(res, format, err.status, err.message);
      if (err instanceof OverloadedError) {
        stats.refused++;
        return sendOverloaded(res, format, err);
      }
      if (isDatabaseUnavailable(err)) {
        res.setHeader('Retry-After', '5');
        log(`ingest: database unavailable: ${(err as Error).message}`);
        return sendStatus(res, format, 503, 'The database is unavailable; nothing was stored. Retry later.');
      }
      log(`ingest: unexpected error: ${(err as Error).stack ?? err}`);
      return sendStatus(res, format, 500, 'Internal error while storing the spans; nothing was stored. Retry.');
    } finally {
      ticket.release();
    }
    stats.callsStored += outcome.stored;
    stats.duplicates += outcome.duplicates;
    stats.rejectedSpans += outcome.rejected;
    stats.skippedSpans += outcome.skipped;
    const body = encodeExportResponse(format, outcome.rejected > 0 ? { rejectedSpans: outcome.rejected, errorMessage: outcome.rejectionMessage } : undefined);
    res.writeHead(200, { 'Content-Type': contentTypeOf(format), 'Content-Length': body.length });
    res.end(body);
  }

  async function readyz(res: ServerResponse): Promise<void> {
    try {
      const pending = await pendingMigrations(pool);
      if (pending.length) return sendJson(res, 503, { status: 'migrations pending', pending });
      return sendJson(res, 200, { status: 'ready' });
    } catch (err) {
      return sendJson(res, 503, { status: 'database unreachable', error: (err as Error).message });
    }
  }

  return { server, stats };
}

/** The body length the request declares, or null (chunked). */
function declaredLength(req: IncomingMessage): number | null {
  const n = Number(req.headers['content-length']);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** 503 with Retry-After: exporters back off and retry (OTLP/HTTP treats 503 as retryable). */
function sendOverloaded(res: ServerResponse, format: OtlpFormat, err: OverloadedError): void {
  res.setHeader('Retry-After', String(err.retryAfterSeconds));
  sendStatus(res, format, 503, err.message);
}

function contentTypeOf(format: OtlpFormat): string {
  return format === 'protobuf' ? 'application/x-protobuf' : 'application/json';
}

/** An OTLP error response: a google.rpc.Status in the request's format. */
function sendStatus(res: ServerResponse, format: OtlpFormat, status: number, message: string): void {
  const body = encodeStatus(format, status, message);
  res.writeHead(status, { 'Content-Type': contentTypeOf(format), 'Content-Length': body.length });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
}

function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  const msg = (err as Error).message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '53300'].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(msg)
  );
}
