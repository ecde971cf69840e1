/**
 * Peak memory of the calls CSV export: seeds a project with `--calls` calls (default 1,000,000),
 * then exports them twice, each in a process of its own: the shipped streamed export, and, as
 * the baseline measured in the same run, an export that reads every row before writing. Prints
 * rows, time and peak RSS of each and the ratio.
 *
 * Run: npx tsx --tsconfig apps/web/tsconfig.json bench/export/run.ts [--calls 1000000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb } from '@tierlens/db';
import { migrate, startEmbeddedPostgres } from '@tierlens/db/runtime';
import { createTestTenant } from '@tierlens/db/testing';
import { seedCalls } from '../dashboard/seed-calls.ts';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--calls') + 1] ?? 0) || 1_000_000;
const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'tierlens-bench-export-'));
const server = dataDir ? await startEmbeddedPostgres({ dataDir, port: 54392, database: 'bench' }) : null;
const url = process.env.DATABASE_URL ?? server!.url;
await migrate(url);
const pool = new pg.Pool({ connectionString: url, max: 2 });
const db = createDb(url);
const tenant = await createTestTenant(db);
const end = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
const from = new Date(end.getTime() - 30 * 86_400_000);
console.log(`export bench, ${new Date().toISOString()}, node ${process.version}: seeding ${N.toLocaleString()} calls over 30 days…`);
await seedCalls(pool, tenant.project.id, N, 30, end);
const script = fileURLToPath(new URL('./export-once.ts', import.meta.url));
const tsconfig = fileURLToPath(new URL('../../apps/web/tsconfig.json', import.meta.url));
const once = (mode: 'stream' | 'naive') =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, mode, tenant.project.id, from.toISOString(), end.toISOString()], {
    env: { ...process.env, DATABASE_URL: url, TSX_TSCONFIG_PATH: tsconfig },
    maxBuffer: 1 << 20,
  }).toString()) as { rows: number; bytes: number; seconds: number; peakRssMb: number; startRssMb: number };
const stream = once('stream');
const naive = once('naive');
for (const [name, r] of [['streamed (shipped)', stream], ['read all, then write (baseline)', naive]] as const) {
  console.log(`${name.padEnd(32)} ${(r.rows - 1).toLocaleString()} calls, ${(r.bytes / 1048576).toFixed(0)} MB of CSV in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.startRssMb.toFixed(0)} MB before it began)`);
}
console.log(`peak RSS ratio (baseline ÷ streamed): ${(naive.peakRssMb / stream.peakRssMb).toFixed(1)}×`);
await pool.end();
await db.$disconnect();
await server?.stop();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
