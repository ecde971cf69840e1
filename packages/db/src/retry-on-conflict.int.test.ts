import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isRetryableConflict, sqlStateOf, withConflictRetry } from './retry-on-conflict.ts';
import { testDatabaseUrl, testDb } from './testing/index.ts';

// A few real database round trips per test; on two busy cores they can take seconds.
const TIMEOUT = 30_000;

const db = testDb();
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
afterAll(() => pool.end());

/** Raises a real Postgres error with the given SQLSTATE. */
const raise = (state: string) => `DO $$ BEGIN RAISE EXCEPTION 'raised %', '${state}' USING ERRCODE = '${state}'; END $$`;

describe('sqlStateOf', () => {
  it('reads the SQLSTATE of a pg error and of a Prisma error alike', async () => {
    for (const state of ['40001', '40P01', '22003']) {
      const fromPg = await pool.query(raise(state)).catch((e: unknown) => e);
      const fromPrisma = await db.$executeRawUnsafe(raise(state)).catch((e: unknown) => e);
      expect(sqlStateOf(fromPg)).toBe(state);
      expect(sqlStateOf(fromPrisma)).toBe(state);
    }
    expect(sqlStateOf(new Error('deadlock detected'))).toBeUndefined();
  }, TIMEOUT);
});

describe('withConflictRetry', () => {
  it('runs again after a deadlock or serialization failure, and gives up after the last attempt', async () => {
    let runs = 0;
    const result = await withConflictRetry(async () => {
      runs++;
      if (runs < 3) await pool.query(raise(runs === 1 ? '40P01' : '40001'));
      return 'done';
    }, { baseDelayMs: 1 });
    expect([result, runs]).toEqual(['done', 3]);

    runs = 0;
    const error = await withConflictRetry(async () => {
      runs++;
      await db.$executeRawUnsafe(raise('40P01'));
    }, { attempts: 3, baseDelayMs: 1 }).catch((e: unknown) => e);
    expect(isRetryableConflict(error)).toBe(true);
    expect(runs).toBe(3);
  }, TIMEOUT);

  it('does not retry other errors', async () => {
    let runs = 0;
    await expect(withConflictRetry(async () => {
      runs++;
      await pool.query(raise('22003'));
    })).rejects.toThrow(/raised 22003/);
    expect(runs).toBe(1);
  }, TIMEOUT);
});
