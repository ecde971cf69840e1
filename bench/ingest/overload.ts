/**
 * Ingest overload benchmark (not part of `npm test`; `apps/ingest/src/ingest-overload.int.test.ts`
 * asserts the same properties at a smaller size).
 *
 * Many senders post large protobuf batches at once to an ingest running as its own process, with
 * an exporter's default 10 s timeout, honouring Retry-After. Two rounds in one run, each on a
 * fresh ingest process against the same Postgres:
 *   1. baseline, the previous behaviour: the ingest of commit `--baseline` (default 3491e77, before
 *      admission: every request is read and decoded, then waits for one of 4 write slots with up
 *      to 32 queued), exported with `git archive` next to this file and run with today's packages;
 *   2. admission before decoding, with the default limits.
 * Prints, per round: refusal latency and accepted latency (p50/p99/max, to the answer's headers),
 * requests that got no answer within 10 s, spans acknowledged and the ingest's peak RSS.
 *
 * Run: npx tsx bench/ingest/overload.ts [--senders 80] [--spans 5000] [--seconds 30] [--baseline <commit>]
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@tierlens/db';
import { migrate, REPO_ROOT, startEmbeddedPostgres } from '@tierlens/db/runtime';
import { createTestTenant, freePort } from '@tierlens/db/testing';
import { percentile, runSenders, sampleRss, spawnIngest, type OverloadResult } from '../../apps/ingest/src/test-support/run-overload.ts';

const argv = process.argv.slice(2);
const arg = (name: string, def: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : def);
const SENDERS = arg('senders', 80);
const SPANS = arg('spans', 5000);
const SECONDS = arg('seconds', 30);

const BASELINE = argv.includes('--baseline') ? argv[argv.indexOf('--baseline') + 1]! : '3491e77';

// The baseline ingest's own source, inside the repository so that it resolves today's node_modules.
const baselineDir = join(REPO_ROOT, 'bench/ingest/.baseline');
rmSync(baselineDir, { recursive: true, force: true });
mkdirSync(baselineDir, { recursive: true });
execSync(`git archive ${BASELINE} apps/ingest/src | tar -x -C ${baselineDir}`, { cwd: REPO_ROOT });

const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'tierlens-bench-overload-'));
const pgServer = dataDir ? await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench' }) : null;
const url = process.env.DATABASE_URL ?? pgServer!.url;
await migrate(url);
const db = createDb(url, { max: 2 });
const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');

async function round(name: string, main?: string): Promise<OverloadResult & { name: string; stored: number }> {
  const tenant = await createTestTenant(db);
  const port = await freePort();
  const ingest = await spawnIngest(url, port, {}, main);
  const rss = sampleRss(ingest.pid!);
  console.log(`${name}: ${SENDERS} senders × ${SPANS} spans for ${SECONDS} s…`);
  const result = await runSenders({ apiKey: tenant.apiKey.secret, port, senders: SENDERS, spansPerBatch: SPANS, seconds: SECONDS }, () => rss.stop());
  ingest.kill('SIGTERM');
  await new Promise((r) => ingest.once('exit', r));
  const stored = await db.llmCall.count({ where: { projectId: tenant.project.id } });
  await tenant.cleanup();
  return { ...result, name, stored };
}

const baseline = await round(`baseline ${BASELINE} (no admission before decoding)`, join(baselineDir, 'apps/ingest/src/main.ts'));
const admitted = await round('admission before decoding (defaults)');
rmSync(baselineDir, { recursive: true, force: true });

const f = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0));
const lat = (xs: number[]) => `${f(percentile(xs, 50))} / ${f(percentile(xs, 99))} / ${f(xs.length ? Math.max(...xs) : Number.NaN)}`;
const row = (r: typeof baseline) =>
  `| ${r.name} | ${r.accepted.length} | ${lat(r.accepted)} | ${r.refused.length} | ${lat(r.refused)} | ${r.late.length} | ${lat(r.late)} | ${r.timedOut} | ${r.spansAcked} / ${r.stored} | ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MB |`;
console.log(`
| round | 200s | accepted ms p50 / p99 / max | 503s at admission | ms p50 / p99 / max | 503s past deadline | ms p50 / p99 / max | no answer in 10 s | spans acked / stored | ingest peak RSS |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${row(baseline)}
${row(admitted)}
load average before the run ${loadBefore}; ${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, ${SENDERS} senders × ${SPANS}-span protobuf batches for ${SECONDS} s; senders, ingest and PostgreSQL on the same 2 cores.
Ratios (admission / baseline): refusal p99 ${(percentile(admitted.refused, 99) / percentile(baseline.refused.concat(baseline.late), 99)).toFixed(2)}×, accepted p99 ${(percentile(admitted.accepted, 99) / percentile(baseline.accepted, 99)).toFixed(2)}×, peak RSS ${(admitted.peakRssBytes / baseline.peakRssBytes).toFixed(2)}×, spans acked ${(admitted.spansAcked / Math.max(1, baseline.spansAcked)).toFixed(2)}×`);

await db.$disconnect();
await pgServer?.stop();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
