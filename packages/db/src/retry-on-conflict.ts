/** SQLSTATEs worth retrying: the transaction lost a race and may succeed if run again. */
const RETRYABLE_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/**
 * The Postgres SQLSTATE behind an error thrown by `pg` (its `code`) or by Prisma through the
 * `pg` driver adapter (nested in `cause` or `meta`), or undefined when it carries none.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const o = e as Record<string, unknown>;
    for (const key of ['originalCode', 'code']) {
      const v = o[key];
      if (typeof v === 'string' && /^[0-9A-Z]{5}$/.test(v) && !v.startsWith('P')) return v;
    }
    queue.push(o.cause, o.meta, o.driverAdapterError);
  }
  return undefined;
}

/** Whether an error is a serialization failure or a deadlock, which a retry may resolve. */
export function isRetryableConflict(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && RETRYABLE_SQLSTATES.has(state);
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Wait before the second attempt; doubled each time, plus up to as much jitter. */
  baseDelayMs?: number;
}

/**
 * Runs `run` (one transaction or one statement) and runs it again when Postgres aborted it as a
 * deadlock victim or for a serialization failure (SQLSTATE 40P01 / 40001), with exponential
 * backoff and jitter so the writers that collided do not collide again. Any other error, or the
 * last attempt's, is thrown. The one retry rule for every writer (ingest, re-pricing, reports).
 */
export async function withConflictRetry<T>(run: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      const delay = base * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
    }
  }
}
