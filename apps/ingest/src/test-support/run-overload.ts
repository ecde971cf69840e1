import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { encodeTestRequestProtobuf, type TestSpan } from '../otlp/test-support/encode-test-request.ts';

/**
 * An overload run shared by `ingest-overload.int.test.ts` and `bench/ingest/overload.ts`: the
 * ingest as its own process (so its RSS is its own), many senders posting large protobuf batches
 * at once for a while, each with an exporter's default 10 s timeout and honouring Retry-After,
 * as the OTLP exporters do.
 */
export interface OverloadOptions {
  databaseUrl: string;
  apiKey: string;
  port: number;
  senders: number;
  spansPerBatch: number;
  /** How long senders keep sending (the run then waits for the answers in flight). */
  seconds: number;
  /** Extra environment for the ingest process (e.g. its admission limits). */
  env?: Record<string, string>;
  /** A sender waits at most this long after a refusal, whatever Retry-After says (ms). */
  maxBackoffMs?: number;
}

export interface OverloadResult {
  /** Latencies (ms, to the answer's headers) of 200s. */
  accepted: number[];
  /** Latencies of 503s given at admission, before the body was read. */
  refused: number[];
  /** Latencies of 503s given to admitted requests that could not be stored before their deadline. */
  late: number[];
  /** Requests with no answer within 10 s (an exporter would give up), or a network error. */
  timedOut: number;
  otherStatuses: Record<number, number>;
  spansAcked: number;
  peakRssBytes: number;
  /** Trace ids of the acknowledged batches (each batch is one trace). */
  ackedTraceIds: string[];
}

const EXPORTER_TIMEOUT_MS = 10_000;
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/**
 * A realistic batch of GenAI chat spans (Tierlens SDK style), all in one trace, encoded once;
 * {@link freshBatch} stamps new ids into a copy, so senders spend no CPU on encoding.
 */
export interface BatchTemplate {
  bytes: Buffer;
  /** Offsets of the trace id (first) and of each span id in `bytes`. */
  traceIdOffsets: number[];
  spanIdOffsets: number[];
}

export function batchTemplate(spans: number): BatchTemplate {
  const traceId = randomBytes(16).toString('hex');
  const now = BigInt(Date.now()) * 1_000_000n;
  const list: TestSpan[] = [];
  for (let i = 0; i < spans; i++) {
    list.push({
      traceId,
      spanId: randomBytes(8).toString('hex'),
      name: 'chat gpt-4o-mini',
      kind: 3,
      start: now - BigInt(i) * 1_000_000n,
      end: now - BigInt(i) * 1_000_000n + 700_000_000n,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
        'gen_ai.response.id': `resp_${i}`,
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.usage.input_tokens': { int: 300 + (i % 4000) },
        'gen_ai.usage.output_tokens': { int: 50 + (i % 800) },
        'tierlens.query_type.hint': 'summarization',
        'tierlens.feature': `feature-${i % 4}`,
        'tierlens.environment': 'production',
        'tierlens.end_user.id': `user-${i % 97}`,
      },
    });
  }
  const bytes = Buffer.from(encodeTestRequestProtobuf({ resourceSpans: [{ resource: { 'service.name': 'overload' }, scopes: [{ name: '@tierlens/sdk', spans: list }] }] }));
  const find = (hex: string) => {
    const at = bytes.indexOf(Buffer.from(hex, 'hex'));
    if (at < 0) throw new Error('id not found in the encoded batch');
    return at;
  };
  const traceIdOffsets: number[] = [];
  for (let at = bytes.indexOf(Buffer.from(traceId, 'hex')); at >= 0; at = bytes.indexOf(Buffer.from(traceId, 'hex'), at + 16)) traceIdOffsets.push(at);
  return { bytes, traceIdOffsets, spanIdOffsets: list.map((s) => find(s.spanId)) };
}

/** A copy of the template with a new trace id and new span ids: every span a new call. */
export function freshBatch(t: BatchTemplate): { body: Buffer; traceId: string } {
  const body = Buffer.from(t.bytes);
  const traceId = randomBytes(16);
  for (const at of t.traceIdOffsets) traceId.copy(body, at);
  const spanIds = randomBytes(8 * t.spanIdOffsets.length);
  for (let k = 0; k < t.spanIdOffsets.length; k++) spanIds.copy(body, t.spanIdOffsets[k]!, 8 * k, 8 * k + 8);
  return { body, traceId: traceId.toString('hex') };
}

/**
 * Starts `apps/ingest/src/main.ts` (or another copy of it, `main`) as a child process and
 * resolves once it listens.
 */
export async function spawnIngest(databaseUrl: string, port: number, env: Record<string, string> = {}, main = MAIN): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, INGEST_PORT: String(port), INGEST_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
    child.once('exit', (c) => reject(new Error(`ingest exited with ${c}`)));
  });
  return child;
}

/** Samples a process's resident set size (VmRSS) every 50 ms; `stop()` returns the peak in bytes. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = 0;
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    } catch {
      // the process is gone
    }
  };
  read();
  const timer = setInterval(read, 50);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

interface Answer {
  status: number;
  ms: number;
  retryAfterS: number;
  rejectedSpans: boolean;
  late: boolean;
}

function post(agent: Agent, port: number, apiKey: string, body: Buffer): Promise<Answer | null> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = request(
      { host: '127.0.0.1', port, path: '/v1/traces', method: 'POST', agent, headers: { 'content-type': 'application/x-protobuf', 'content-length': body.length, authorization: `Bearer ${apiKey}` } },
      (res) => {
        const ms = performance.now() - t0; // when the answer's headers arrived
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          // An ExportTraceServiceResponse with partial_success set is non-empty.
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            ms,
            retryAfterS: Number(res.headers['retry-after'] ?? 1),
            rejectedSpans: res.statusCode === 200 && body.length > 0,
            late: body.includes('in time'),
          });
        });
        res.on('error', () => resolve(null));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      resolve(null);
    }, EXPORTER_TIMEOUT_MS);
    req.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    req.end(body);
  });
}

/** Runs the senders against an ingest already listening on `options.port`. */
export async function runSenders(options: Omit<OverloadOptions, 'databaseUrl' | 'env'>, peakRss: () => number = () => 0): Promise<OverloadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.senders });
  const result: OverloadResult = { accepted: [], refused: [], late: [], timedOut: 0, otherStatuses: {}, spansAcked: 0, peakRssBytes: 0, ackedTraceIds: [] };
  const template = batchTemplate(options.spansPerBatch);
  const deadline = performance.now() + options.seconds * 1000;
  const maxBackoff = options.maxBackoffMs ?? 2_000;
  await Promise.all(
    Array.from({ length: options.senders }, async () => {
      while (performance.now() < deadline) {
        const batch = freshBatch(template);
        for (;;) {
          const answer = await post(agent, options.port, options.apiKey, batch.body);
          if (answer === null) {
            result.timedOut++;
            break; // an exporter drops the batch after its timeout
          }
          if (answer.status === 200) {
            result.accepted.push(answer.ms);
            if (!answer.rejectedSpans) {
              result.spansAcked += options.spansPerBatch;
              result.ackedTraceIds.push(batch.traceId);
            }
            break;
          }
          if (answer.status === 503 || answer.status === 429) {
            (answer.late ? result.late : result.refused).push(answer.ms);
            if (performance.now() >= deadline) break;
            // Retry-After, with jitter, as the OTLP exporters' retrying transport does.
            const wait = Math.min(maxBackoff, answer.retryAfterS * 1000) * (0.5 + Math.random() * 0.5);
            await new Promise((r) => setTimeout(r, wait));
            continue;
          }
          result.otherStatuses[answer.status] = (result.otherStatuses[answer.status] ?? 0) + 1;
          break;
        }
      }
    }),
  );
  agent.destroy();
  result.peakRssBytes = peakRss();
  return result;
}

/** Percentile of an unsorted list (NaN when empty). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}
