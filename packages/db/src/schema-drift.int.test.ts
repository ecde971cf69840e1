import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config.ts';
import { readPrismaSchema, type SchemaColumn } from './testing/read-prisma-schema.ts';
import { testDatabaseUrl } from './testing/test-db.ts';

// The migrations build the database; schema.prisma builds the client. This test fails when they
// disagree: a table, column, type, nullability, primary key, unique or index missing on one side.

const tables = readPrismaSchema(join(REPO_ROOT, 'prisma/schema.prisma'));
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
});
afterAll(() => client.end());

/** The Postgres type (as information_schema spells it) that Prisma maps a field to. */
function expectedType(c: SchemaColumn): string {
  if (c.list) return 'ARRAY';
  const native = c.nativeType?.replace(/\(.*\)/, '');
  const precision = c.nativeType?.match(/\((.*)\)/)?.[1]?.replace(/\s+/g, '');
  switch (c.prismaType) {
    case 'String':
      return native === 'Uuid' ? 'uuid' : 'text';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Float':
      return 'double precision';
    case 'Boolean':
      return 'boolean';
    case 'Json':
      return 'jsonb';
    case 'Decimal':
      return `numeric(${precision ?? '65,30'})`;
    case 'DateTime':
      if (native === 'Date') return 'date';
      return `timestamp with time zone(${precision ?? '3'})`;
    default:
      return c.prismaType;
  }
}

describe('schema.prisma and the SQL migrations agree', () => {
  it('declares at least the core tables', () => {
    expect(tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(['users', 'organizations', 'members', 'projects', 'api_keys', 'llm_calls', 'call_rollups_hourly', 'routing_rules', 'report_subscriptions', 'price_overrides']),
    );
  });

  for (const table of tables) {
    it(`table ${table.table} (${table.model}) matches column for column`, async () => {
      const { rows } = await client.query<{
        column_name: string; data_type: string; is_nullable: string; numeric_precision: number | null;
        numeric_scale: number | null; datetime_precision: number | null;
      }>(
        `SELECT column_name, data_type, is_nullable, numeric_precision, numeric_scale, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [table.table],
      );
      expect(rows.length, `table ${table.table} exists in the database`).toBeGreaterThan(0);
      const actual = new Map(
        rows.map((r) => {
          let type = r.data_type;
          if (type === 'numeric') type = `numeric(${r.numeric_precision},${r.numeric_scale})`;
          if (type === 'timestamp with time zone') type = `${type}(${r.datetime_precision})`;
          return [r.column_name, { type, nullable: r.is_nullable === 'YES' }];
        }),
      );
      expect([...actual.keys()].sort(), 'same columns').toEqual(table.columns.map((c) => c.column).sort());
      for (const c of table.columns) {
        const a = actual.get(c.column)!;
        expect(a.type, `${table.table}.${c.column} type`).toBe(expectedType(c));
        // Prisma creates scalar lists as nullable columns.
        if (!c.list) expect(a.nullable, `${table.table}.${c.column} nullability`).toBe(c.optional);
      }
    });

    it(`table ${table.table} has the declared keys and indexes`, async () => {
      const { rows } = await client.query<{ indexdef: string; is_primary: boolean; is_unique: boolean; cols: string[] }>(
        `SELECT pg_get_indexdef(i.indexrelid) AS indexdef, i.indisprimary AS is_primary, i.indisunique AS is_unique,
                array_agg(a.attname ORDER BY k.ord)::text[] AS cols
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace
         GROUP BY i.indexrelid, i.indisprimary, i.indisunique`,
        [table.table],
      );
      const pk = rows.find((r) => r.is_primary);
      expect(pk?.cols, `${table.table} primary key`).toEqual(table.primaryKey);
      for (const u of table.uniques) {
        expect(rows.some((r) => r.is_unique && r.cols.join() === u.join()), `${table.table} unique (${u})`).toBe(true);
      }
      for (const ix of table.indexes) {
        expect(rows.some((r) => r.cols.join() === ix.join()), `${table.table} index (${ix})`).toBe(true);
      }
    });
  }
});
