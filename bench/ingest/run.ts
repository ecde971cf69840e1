/**
 * Ingest throughput benchmark (not part of `npm test`).
 *
 * Realistic LLM spans (as the Tierlens SDK and OTel GenAI instrumentations send them) in OTLP
 * protobuf batches of 512, posted by concurrent senders to an ingest running as its own process,
 * with Postgres on the same 2-core machine. Measures, in one run:
 *   1. peak sustained spans/s and acknowledgement latency (p50/p99) over `--seconds` (default 60);
 *   2. latency at half the peak rate;
 *   3. the ingest's peak RSS;
 *   4. the baseline: a raw `COPY` of the same rows into the same table (rows/s), and the ratio.
 *
 * Run: npx tsx bench/ingest/run.ts [--seconds 60] [--senders 6] [--profile DIR]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDb } from '@tierlens/db';
import { migrate, REPO_ROOT, startEmbeddedPostgres } from '@tierlens/db/runtime';
import { createTestTenant, freePort } from '@tierlens/db/testing';
import { encodeTestRequestProtobuf, type TestSpan } from '../../apps/ingest/src/otlp/test-support/encode-test-request.ts';

const argv = process.argv.slice(2);
const arg = (name: string, def: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : def);
const SECONDS = arg('seconds', 60);
const SENDERS = arg('senders', 6);
const BATCH = 512;

const MODELS: Array<[string, string]> = [
  ['openai', 'gpt-4o'], ['openai', 'gpt-4o-mini'], ['openai', 'gpt-5-mini'], ['anthropic', 'claude-sonnet-4-6'],
  ['anthropic', 'claude-haiku-4-5'], ['anthropic', 'claude-opus-4-6'], ['gcp.gemini', 'gemini-2.5-flash'],
];
const QUERY_TYPES = ['coding', 'summarization', 'extraction', 'general_chat', 'agentic', 'classification'];
const FEATURES = ['search', 'support-bot', 'code-review', 'reports'];

/** One realistic batch: SDK-style chat spans with usage, context attributes and a resource. */
function templateBatch(): { bytes: Uint8Array; idOffsets: number[] } {
  const now = BigInt(Date.now()) * 1_000_000n;
  const spans: TestSpan[] = [];
  const markers: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const [provider, model] = MODELS[i % MODELS.length]!;
    const traceId = randomBytes(16).toString('hex');
    const spanId = randomBytes(8).toString('hex');
    markers.push(traceId, spanId);
    const input = 300 + ((i * 37) % 4000);
    spans.push({
      traceId,
      spanId,
      name: `chat ${model}`,
      kind: 3,
      start: now - BigInt(i) * 1_000_000n,
      end: now - BigInt(i) * 1_000_000n + 900_000_000n,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': provider,
        'gen_ai.request.model': model,
        'gen_ai.response.model': model,
        'gen_ai.response.id': `resp_${spanId}`,
        'gen_ai.response.finish_reasons': [i % 40 === 0 ? 'length' : 'stop'],
        'gen_ai.request.max_tokens': { int: 1024 },
        'gen_ai.request.temperature': 0.2,
        'gen_ai.usage.input_tokens': { int: input },
        'gen_ai.usage.output_tokens': { int: 50 + ((i * 13) % 800) },
        'gen_ai.usage.cache_read.input_tokens': { int: i % 3 === 0 ? Math.floor(input / 4) : 0 },
        'server.address': provider === 'openai' ? 'api.openai.com' : 'api.anthropic.com',
        'tierlens.query_type.hint': QUERY_TYPES[i % QUERY_TYPES.length]!,
        'tierlens.feature': FEATURES[i % FEATURES.length]!,
        'tierlens.environment': 'production',
        'tierlens.end_user.id': `user-${i % 97}`,
      },
      status: { code: i % 50 === 0 ? 2 : 0 },
    });
  }
  const bytes = encodeTestRequestProtobuf({
    resourceSpans: [{ resource: { 'service.name': 'checkout-api', 'telemetry.sdk.name': '@tierlens/sdk' }, scopes: [{ name: '@tierlens/sdk', version: '0.1.0', spans }] }],
  });
  const buf = Buffer.from(bytes);
  const idOffsets = markers.map((hex) => {
    const at = buf.indexOf(Buffer.from(hex, 'hex'));
    if (at < 0) throw new Error('id not found in the encoded batch');
    return at;
  });
  return { bytes: buf, idOffsets };
}

/** A fresh copy of the template with new unique ids, so every span is a new call. */
function nextBatch(t: { bytes: Uint8Array; idOffsets: number[] }, seq: number): Buffer {
  const b = Buffer.from(t.bytes);
  const salt = randomBytes(8);
  for (let k = 0; k < t.idOffsets.length; k++) {
    const off = t.idOffsets[k]!;
    // trace ids (even k) are 16 bytes, span ids 8: write seq + index + salt into them
    b.writeUInt32BE(seq, off);
    b.writeUInt32BE(k, off + 4);
    if (k % 2 === 0) salt.copy(b, off + 8);
  }
  return b;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'tierlens-bench-ingest-'));
const pgServer = dataDir ? await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench' }) : null;
const url = process.env.DATABASE_URL ?? pgServer!.url;
await migrate(url);
const db = createDb(url, { max: 2 });
const tenant = await createTestTenant(db);
const port = await freePort();
// `--profile DIR` writes a V8 CPU profile of the ingest process there (open it in Chrome DevTools).
const profileDir = argv.includes('--profile') ? argv[argv.indexOf('--profile') + 1] : undefined;
const ingest = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', join(REPO_ROOT, 'apps/ingest/src/main.ts')], {
  env: { ...process.env, DATABASE_URL: url, INGEST_PORT: String(port), INGEST_HOST: '127.0.0.1', INGEST_MAX_QUEUED: '64' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  ingest.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
  ingest.once('exit', (c) => reject(new Error(`ingest exited ${c}`)));
});
let peakRss = 0;
const rssTimer = setInterval(() => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${ingest.pid}/status`, 'utf8'))?.[1] ?? 0);
    peakRss = Math.max(peakRss, kb * 1024);
  } catch {
    // process gone
  }
}, 250);

const template = templateBatch();
let seq = 0;
const endpoint = `http://127.0.0.1:${port}/v1/traces`;
const headers = { 'content-type': 'application/x-protobuf', authorization: `Bearer ${tenant.apiKey.secret}` };

async function send(): Promise<{ ms: number; ok: boolean; status: number }> {
  const body = nextBatch(template, ++seq);
  const t0 = performance.now();
  const res = await fetch(endpoint, { method: 'POST', headers, body: body as unknown as BodyInit });
  await res.arrayBuffer();
  return { ms: performance.now() - t0, ok: res.status === 200, status: res.status };
}

/** Senders as fast as acknowledgements allow (or paced at `rate` batches/s), for `seconds`. */
async function phase(seconds: number, rate?: number) {
  const lat: number[] = [];
  let spans = 0;
  let refused = 0;
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  let scheduled = 0;
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (performance.now() < deadline) {
        if (rate) {
          const due = start + (scheduled++ / rate) * 1000;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (performance.now() >= deadline) break;
        }
        const r = await send();
        if (r.ok) {
          spans += BATCH;
          lat.push(r.ms);
        } else {
          refused++;
          await new Promise((r2) => setTimeout(r2, 50));
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  return { spansPerSec: spans / elapsed, p50: percentile(lat, 50), p99: percentile(lat, 99), refused, batches: lat.length };
}

console.log(`warm-up…`);
await phase(3);
console.log(`peak: ${SENDERS} senders for ${SECONDS} s…`);
const peak = await phase(SECONDS);
console.log(`half rate: ${(peak.spansPerSec / 2).toFixed(0)} spans/s for ${Math.max(10, SECONDS / 2)} s…`);
const half = await phase(Math.max(10, SECONDS / 2), peak.spansPerSec / 2 / BATCH);
clearInterval(rssTimer);
ingest.kill('SIGTERM');
await new Promise((r) => ingest.once('exit', r));

// Baseline: the same rows, COPY'd straight into the same table (no HTTP, decode, map or rollups).
const pool = new pg.Pool({ connectionString: url, max: 1 });
const { rows: sample } = await pool.query(`SELECT * FROM llm_calls WHERE project_id = $1 LIMIT ${BATCH}`, [tenant.project.id]);
const columns = Object.keys(sample[0]!);
const copyRows = Math.max(BATCH * 200, Math.round(peak.spansPerSec * 10));
const esc = (v: unknown) =>
  v === null ? '\\N' : (v instanceof Date ? v.toISOString() : Array.isArray(v) ? `{${v.join(',')}}` : typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
function* copyLines() {
  for (let i = 0; i < copyRows; i++) {
    const r = { ...sample[i % sample.length]!, trace_id: `c0${i.toString(16).padStart(30, '0')}`, span_id: randomBytes(8).toString('hex') };
    yield columns.map((c) => esc(r[c])).join('\t') + '\n';
  }
}
const client = await pool.connect();
const c0 = performance.now();
await pipeline(Readable.from(copyLines()), client.query(copyFrom(`COPY llm_calls (${columns.map((c) => `"${c}"`).join(',')}) FROM STDIN`)));
const copyRate = copyRows / ((performance.now() - c0) / 1000);
client.release();

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`
| measure | result | target |
|---|---:|---:|
| sustained ingest, ${SENDERS} senders, ${SECONDS} s | ${peak.spansPerSec.toFixed(0)} spans/s | ≥ 50,000 |
| raw COPY of the same rows into the same table | ${copyRate.toFixed(0)} rows/s | |
| ingest / raw COPY | ${(peak.spansPerSec / copyRate).toFixed(2)}× | ≥ 0.5× |
| ack latency at peak, p50 / p99 | ${peak.p50.toFixed(0)} / ${peak.p99.toFixed(0)} ms | |
| ack latency at half the peak rate, p50 / p99 | ${half.p50.toFixed(0)} / ${half.p99.toFixed(0)} ms | p99 < 200 ms |
| ingest peak RSS | ${mb(peakRss)} | < 300 MB |
| refused (503) batches at peak / half | ${peak.refused} / ${half.refused} | |
${new Date().toISOString().slice(0, 10)}, Node ${process.version}, 2 cores shared by load generator, ingest and PostgreSQL; batches of ${BATCH} protobuf spans`);

await tenant.cleanup().catch(() => {});
process.on('uncaughtException', (err) => {
  if ((err as { code?: string }).code !== '57P01') throw err;
});
await pool.end();
await db.$disconnect();
await pgServer?.stop();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
