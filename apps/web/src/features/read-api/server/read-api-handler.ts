import type { ActiveApiKey, Db } from '@tierlens/db';
import type { z } from 'zod';
import { authenticateKey } from './authenticate-key';
import { RateLimiter } from './rate-limiter';

const limiter = new RateLimiter();

/**
 * The front of every read-API route: a project API key (read or write scope; a key reads only
 * its own project), a rate limit per key (429 with `Retry-After`), the query string checked with
 * zod (400 naming the problem), then the answer as JSON. Errors are `{ "error": "…" }`.
 */
export async function handleReadApi<T extends z.ZodType>(
  db: Db,
  req: Request,
  schema: T,
  run: (key: ActiveApiKey, input: z.infer<T>) => Promise<unknown>,
  options: { limiter?: RateLimiter } = {},
): Promise<Response> {
  const key = await authenticateKey(db, req.headers);
  if (!key) return Response.json({ error: 'Send a project API key as "Authorization: Bearer <key>".' }, { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  const allowed = (options.limiter ?? limiter).take(key.apiKeyId);
  if (!allowed.ok) {
    return Response.json({ error: `Rate limit reached: retry in ${allowed.retryAfterSeconds} s.` }, { status: 429, headers: { 'retry-after': String(allowed.retryAfterSeconds) } });
  }
  const parsed = schema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') }, { status: 400 });
  }
  return Response.json(await run(key, parsed.data), { headers: { 'cache-control': 'no-store' } });
}
