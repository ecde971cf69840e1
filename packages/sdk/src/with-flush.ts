import { flush } from './init.js';

/**
 * Wraps a serverless handler (AWS Lambda, Vercel/Netlify functions, Cloud Run jobs) so that the
 * spans its calls recorded are exported before it returns: a frozen or recycled instance cannot
 * export later. The handler's result and errors pass through unchanged; the flush never throws
 * and ends by the export deadline.
 *
 * @example
 * export const handler = withFlush(async (event) => { ... });
 */
export function withFlush<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => Promise<Awaited<R>> {
  return async function flushing(this: unknown, ...args: A): Promise<Awaited<R>> {
    try {
      return await handler.apply(this, args);
    } finally {
      await flush();
    }
  };
}
