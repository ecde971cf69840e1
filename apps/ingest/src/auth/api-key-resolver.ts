import type pg from 'pg';
import { findActiveApiKey, hashApiKey, touchApiKey, type ActiveApiKey } from '@tierlens/db';

export type ResolvedKey = ActiveApiKey;

interface Entry {
  value: ResolvedKey | null;
  expiresAt: number;
}

export interface ApiKeyResolverOptions {
  /** How long a lookup (hit or miss) is trusted. A revoked key stops working within this time. */
  ttlMs?: number;
  /** Minimum time between two `last_used_at` writes for one key. */
  touchIntervalMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Finds the project of an API key by the key's SHA-256, caching answers for a few seconds so a
 * busy exporter does not cost a query per request, while revocation still takes effect quickly
 * (and in every ingest process, since each re-reads after the TTL).
 */
export class ApiKeyResolver {
  private readonly cache = new Map<string, Entry>();
  private readonly touched = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly touchIntervalMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly pool: pg.Pool, options: ApiKeyResolverOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.touchIntervalMs = options.touchIntervalMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The key's project, or null when the key is unknown or revoked. */
  async resolve(secret: string): Promise<ResolvedKey | null> {
    const hash = hashApiKey(secret);
    const now = this.now();
    const hit = this.cache.get(hash);
    let value: ResolvedKey | null;
    if (hit && hit.expiresAt > now) {
      value = hit.value;
    } else {
      value = await findActiveApiKey(this.pool, secret);
      if (this.cache.size >= this.maxEntries) this.cache.clear();
      this.cache.set(hash, { value, expiresAt: now + this.ttlMs });
    }
    if (value) this.touch(value.apiKeyId, now);
    return value;
  }

  private touch(apiKeyId: string, now: number): void {
    const last = this.touched.get(apiKeyId) ?? 0;
    if (now - last < this.touchIntervalMs) return;
    this.touched.set(apiKeyId, now);
    // Best effort, off the request path: a lost update only delays "last used" by a minute.
    touchApiKey(this.pool, apiKeyId).catch(() => {});
  }
}

/**
 * The API key of a request: `Authorization: Bearer <key>`, `x-tierlens-api-key`, `x-api-key`,
 * or Basic auth whose password is the key (Langfuse clients send public:secret).
 */
export function readApiKey(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = first(headers.authorization);
  if (auth) {
    const [scheme, value] = auth.split(/\s+/, 2);
    if (scheme?.toLowerCase() === 'bearer' && value) return value.trim();
    if (scheme?.toLowerCase() === 'basic' && value) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const secret = colon >= 0 ? decoded.slice(colon + 1) : decoded;
      if (secret) return secret;
    }
  }
  return first(headers['x-tierlens-api-key']) ?? first(headers['x-api-key']) ?? null;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
