/**
 * Dashboard read-path benchmark: seeds 10M calls over 90 days (default; `--calls N` to change),
 * then times each page's tRPC query on the rollups and, in the same run, the same answer
 * computed from the raw calls table. Run: `npx tsx --tsconfig apps/web/tsconfig.json bench/dashboard/run.ts`.
 * Uses DATABASE_URL when set, else a throw-away embedded PostgreSQL. With DATABASE_URL,
 * `--reuse` measures a project an earlier run seeded with the same `--calls` instead of seeding
 * again (for profiling; its data ends when that run started).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb } from '@tierlens/db';
import { migrate, startEmbeddedPostgres } from '@tierlens/db/runtime';
import { createTestTenant } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';
import { seedCalls } from './seed-calls.ts';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--calls') + 1] ?? 0) || 10_000_000;
const DAYS = 90;
const RUNS = 7;

const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'tierlens-bench-dash-'));
const server = dataDir ? await startEmbeddedPostgres({ dataDir, port: 54391, database: 'bench' }) : null;
const url = process.env.DATABASE_URL ?? server!.url;
await migrate(url);
const pool = new pg.Pool({ connectionString: url, max: 4 });
const db = createDb(url);
const benchName = `bench-dashboard ${N} calls`;
const reused = args.includes('--reuse') && process.env.DATABASE_URL ? await findSeededTenant() : null;
const tenant = reused ?? (await createTestTenant(db));
const end = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
const range = { from: new Date(end.getTime() - DAYS * 86_400_000), to: end };

let t0 = performance.now();
if (!reused) {
  console.log(`Seeding ${N.toLocaleString()} calls over ${DAYS} days…`);
  await seedCalls(pool, tenant.project.id, N, DAYS, end);
  await db.project.update({ where: { id: tenant.project.id }, data: { name: benchName } });
  await db.routingRule.deleteMany({ where: { projectId: tenant.project.id } });
} else {
  console.log(`Reusing the project seeded earlier with ${N.toLocaleString()} calls`);
  await db.routingRule.deleteMany({ where: { projectId: tenant.project.id } });
}
const { rows: [counts] } = await pool.query<{ calls: string; rollups: string }>(
  `SELECT (SELECT count(*) FROM llm_calls WHERE project_id = $1) AS calls, (SELECT count(*) FROM call_rollups_hourly WHERE project_id = $1) AS rollups`,
  [tenant.project.id],
);
console.log(`${reused ? 'Reused' : `Seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`}: ${Number(counts!.calls).toLocaleString()} calls, ${Number(counts!.rollups).toLocaleString()} rollup rows`);

const caller = callerFor(db, { id: tenant.user.id, email: tenant.user.email, name: 'bench' });
const projectId = tenant.project.id;

/** Each page's query, and the same answer from the raw table (the baseline). */
const pages: Array<{ page: string; query: () => Promise<unknown>; raw: () => Promise<unknown> }> = [
  {
    page: 'Overview (totals, change, series by model and query type, top features)',
    query: () => caller.overview.get({ projectId, range }),
    raw: () =>
      pool.query(
        `SELECT date_trunc('day', start_time, 'UTC'), model, query_type, feature, count(*), sum(cost_usd), sum(input_tokens), sum(output_tokens),
                count(*) FILTER (WHERE status = 'error'), count(*) FILTER (WHERE cost_usd IS NULL)
         FROM llm_calls WHERE project_id = $1 AND start_time >= $2::timestamptz - ($3::timestamptz - $2::timestamptz) AND start_time < $3 GROUP BY 1, 2, 3, 4`,
        [projectId, range.from, range.to],
      ),
  },
  {
    page: 'Query types (query type × model matrix)',
    query: () => caller.queryTypes.matrix({ projectId, range }),
    raw: () => pool.query(`SELECT query_type, model, provider, count(*), sum(cost_usd) FROM llm_calls WHERE project_id = $1 AND start_time >= $2 AND start_time < $3 GROUP BY 1, 2, 3`, [projectId, range.from, range.to]),
  },
  {
    page: 'Models (spend, tokens, errors, latency per model)',
    query: () => caller.models.stats({ projectId, range }),
    raw: () =>
      pool.query(
        `SELECT provider, model, count(*), sum(cost_usd), sum(input_tokens), sum(output_tokens), count(*) FILTER (WHERE status = 'error'),
                count(*) FILTER (WHERE 'length' = ANY(finish_reasons)), avg(duration_ms), avg(time_to_first_token_ms)
         FROM llm_calls WHERE project_id = $1 AND start_time >= $2 AND start_time < $3 GROUP BY 1, 2`,
        [projectId, range.from, range.to],
      ),
  },
  {
    page: 'Savings (findings from rollups summed by week × model × query type × feature)',
    query: () => caller.savings.findings({ projectId, range }),
    raw: () =>
      pool.query(
        `SELECT date_trunc('day', start_time, 'UTC'), provider, model, query_type, feature, environment, count(*), sum(cost_usd), sum(input_tokens),
                sum(output_tokens), count(*) FILTER (WHERE status = 'error'), count(*) FILTER (WHERE 'length' = ANY(finish_reasons))
         FROM llm_calls WHERE project_id = $1 AND start_time >= $2 AND start_time < $3 GROUP BY 1, 2, 3, 4, 5, 6`,
        [projectId, range.from, range.to],
      ),
  },
  {
    page: 'Rules (what-if of the enabled rules over 30 days)',
    query: () => caller.rules.whatIf({ projectId }),
    raw: () =>
      pool.query(
        `SELECT provider, model, query_type, feature, count(*), sum(cost_usd), sum(input_tokens), sum(output_tokens)
         FROM llm_calls WHERE project_id = $1 AND start_time >= now() - interval '30 days' GROUP BY 1, 2, 3, 4`,
        [projectId],
      ),
  },
  {
    page: 'Calls explorer, first page (reads raw calls by design; baseline is the same query)',
    query: () => caller.calls.list({ projectId, filters: { range }, limit: 50 }),
    raw: () => pool.query(`SELECT * FROM llm_calls WHERE project_id = $1 AND start_time >= $2 AND start_time < $3 ORDER BY start_time DESC LIMIT 50`, [projectId, range.from, range.to]),
  },
];

/** The project and owner of an earlier run with the same `--calls` (for `--reuse`). */
async function findSeededTenant() {
  const project = await db.project.findFirst({ where: { name: benchName }, orderBy: { createdAt: 'desc' } });
  if (!project) return null;
  const owner = await db.member.findFirst({ where: { organizationId: project.organizationId, role: 'owner' }, include: { user: true } });
  return owner ? { project, user: { id: owner.user.id, email: owner.user.email } } : null;
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn(); // warm-up: plans, caches, JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}

const { findings } = await caller.savings.findings({ projectId, range });
for (const f of findings.slice(0, 2)) await caller.rules.createFromFinding({ projectId, findingId: f.id, range });
console.log(`${findings.length} findings; ${Math.min(2, findings.length)} turned into rules for the what-if`);

console.log(`\n| page | tRPC query (median of ${RUNS}) | same answer from raw calls | ratio |\n|---|---:|---:|---:|`);
for (const p of pages) {
  const q = await time(p.query, RUNS);
  const r = await time(p.raw, p.page.startsWith('Calls') ? RUNS : 3);
  console.log(`| ${p.page} | ${q.toFixed(1)} ms | ${r.toFixed(0)} ms | ${(r / q).toFixed(1)}× |`);
}
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${N.toLocaleString()} calls / ${DAYS} days, Node ${process.version}, PostgreSQL ${server ? 'embedded' : 'DATABASE_URL'}`);

// Stopping the server ends idle pooled connections with 57P01; that is the expected end here.
process.on('uncaughtException', (err) => {
  if ((err as { code?: string }).code !== '57P01') throw err;
});
await db.$disconnect();
await pool.end();
await server?.stop();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
