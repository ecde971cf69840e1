import type pg from 'pg';
import type { Db } from './client.ts';

/**
 * Where a data-layer read runs: the Prisma client (or a transaction of it), or a raw `pg` pool
 * or client (the ingest's hot path). One SQL text serves both, so a read is written once.
 */
export type Queryable = Pick<Db, '$queryRawUnsafe'> | Pick<pg.Pool, 'query'>;

/** Runs `text` with positional parameters (`$1`…) on either kind of connection and returns its rows. */
export async function queryRows<T>(source: Queryable, text: string, values: readonly unknown[]): Promise<T[]> {
  if ('$queryRawUnsafe' in source) return source.$queryRawUnsafe<T[]>(text, ...values);
  const result = await source.query(text, values as unknown[]);
  return result.rows as T[];
}
