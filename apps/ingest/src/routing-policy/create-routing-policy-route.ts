import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { readApiKey, type ApiKeyResolver } from '../auth/api-key-resolver.ts';
import { loadRoutingPolicy } from './load-routing-policy.ts';

/** Where the SDK reads its project's routing policy. */
export const ROUTING_POLICY_PATH = '/v1/routing-policy';

export interface RoutingPolicyRouteOptions {
  pool: pg.Pool;
  keys: ApiKeyResolver;
  log?: (line: string) => void;
}

/**
 * `GET /v1/routing-policy`: the API key's project's routing policy as JSON (the format of the
 * analyzer's `ZTierlensPolicy`). The key is read exactly as for `/v1/traces` (Bearer,
 * `x-tierlens-api-key`, `x-api-key`, Basic); only that key's project's rules are ever read. The
 * response carries a strong ETag of its bytes; a matching `If-None-Match` gets 304 with no body,
 * so an SDK polling an unchanged policy costs one indexed query and no transfer.
 */
export function createRoutingPolicyRoute(options: RoutingPolicyRouteOptions) {
  const { pool, keys } = options;
  return async function serveRoutingPolicy(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, { error: `Use GET for ${ROUTING_POLICY_PATH}.` });
    }
    const secret = readApiKey(req.headers);
    if (!secret) return sendJson(res, 401, { error: 'Missing API key: send it as "Authorization: Bearer <key>".' });
    const key = await keys.resolve(secret);
    if (!key) return sendJson(res, 401, { error: 'Invalid or revoked API key.' });
    let body: Buffer;
    try {
      body = Buffer.from(JSON.stringify(await loadRoutingPolicy(pool, key.projectId, options.log)));
    } catch (err) {
      options.log?.(`ingest: could not load the routing policy: ${(err as Error).message}`);
      res.setHeader('Retry-After', '5');
      return sendJson(res, 503, { error: 'The routing policy is unavailable; keep the last one and retry later.' });
    }
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization, X-Tierlens-Api-Key, X-Api-Key' };
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** `If-None-Match` is a list of entity tags (or `*`); weak comparison, as RFC 9110 asks for it. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
}
