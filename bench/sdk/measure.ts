/**
 * What the SDK benchmarks share: interleaved timing of two arms, reporting, a discarding OTLP
 * sink, the fake provider in a child process, and an \`openai\` client whose \`fetch\` answers from
 * memory (so a difference between arms is the SDK's own work).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import OpenAI from 'openai';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export const messages = [{ role: 'user' as const, content: 'What is the capital of France?' }];
export const params = { model: 'gpt-4o', messages, max_tokens: 50 };

// --- helpers -------------------------------------------------------------------------------
export const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));
export const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
export const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export function heap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export interface ArmResult {
  median: number;
  p99: number;
}
export function summarize(times: number[]): ArmResult {
  const s = [...times].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p99: quantile(s, 0.99) };
}

/** Runs `plain` and `wrapped` alternately `n` times after a warm-up; returns per-arm timings. */
export async function interleave(n: number, warmup: number, plain: () => Promise<unknown>, wrapped: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) {
    await plain();
    await wrapped();
  }
  const a: number[] = [];
  const b: number[] = [];
  const paired: number[] = [];
  for (let i = 0; i < n; i++) {
    // Alternate which arm goes first so neither always runs on a warmer cache.
    const first = i % 2 === 0;
    for (const arm of first ? [0, 1] : [1, 0]) {
      const start = performance.now();
      await (arm === 0 ? plain() : wrapped());
      (arm === 0 ? a : b).push(performance.now() - start);
    }
    paired.push(b[b.length - 1]! - a[a.length - 1]!);
    // Untimed: let timers and I/O run between calls (the span export among them), as they do
    // between an app's calls; an in-memory fetch alone would starve them.
    await yieldToLoop();
  }
  return { plain: summarize(a), wrapped: summarize(b), pairedMedian: summarize(paired).median };
}

export function report(title: string, r: { plain: ArmResult; wrapped: ArmResult; pairedMedian?: number }): { addedMedian: number; addedP99: number } {
  const addedMedian = r.wrapped.median - r.plain.median;
  const addedP99 = r.wrapped.p99 - r.plain.p99;
  console.log(`\n## ${title}`);
  if (r.pairedMedian !== undefined) console.log(`  median of the per-pair differences (wrapped − unwrapped call next to it): ${us(r.pairedMedian)}`);
  console.log(`  unwrapped  median ${us(r.plain.median).padStart(10)}   p99 ${us(r.plain.p99).padStart(10)}`);
  console.log(`  wrapped    median ${us(r.wrapped.median).padStart(10)}   p99 ${us(r.wrapped.p99).padStart(10)}`);
  console.log(
    `  added      median ${us(addedMedian).padStart(10)}   p99 ${us(addedP99).padStart(10)}   ratio wrapped/unwrapped: median ${(r.wrapped.median / r.plain.median).toFixed(3)}, p99 ${(r.wrapped.p99 / r.plain.p99).toFixed(3)}`,
  );
  return { addedMedian, addedP99 };
}

/** An OTLP endpoint that accepts and discards (no decoding, to keep its CPU out of the numbers). */
export async function startSink(): Promise<{ url: string; server: Server; requests: () => number }> {
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests: () => count };
}

export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

// Canned responses for the in-memory fetch, in the shape the fake provider sends.
export const completionBody = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.', refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500, prompt_tokens_details: { cached_tokens: 200 }, completion_tokens_details: { reasoning_tokens: 100 } },
});
export const chunk = (c: object) => `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-2024-08-06', ...c })}\n\n`;
export const sseBody = (withUsage: boolean) =>
  [
    chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }),
    ...['Pa', 'ris', '.'].map((w) => chunk({ choices: [{ index: 0, delta: { content: w }, finish_reason: null }] })),
    chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
    ...(withUsage ? [chunk({ choices: [], usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 } })] : []),
    'data: [DONE]\n\n',
  ].join('');
export const memoryFetch: typeof fetch = async (_url, init) => {
  const body = JSON.parse(String(init?.body ?? '{}')) as { stream?: boolean; stream_options?: { include_usage?: boolean } };
  if (body.stream) return new Response(sseBody(body.stream_options?.include_usage === true), { headers: { 'content-type': 'text/event-stream' } });
  return new Response(completionBody, { headers: { 'content-type': 'application/json', 'x-request-id': 'req_bench' } });
};
export const memoryClient = () => new OpenAI({ apiKey: 'sk-bench', baseURL: 'http://bench.invalid/v1', fetch: memoryFetch, maxRetries: 0 });

export async function readAll(stream: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of stream) n++;
  return n;
}

/** The fake provider (test/support/fake-provider.ts) in a child process; resolves to its URL. */
export async function startProviderProcess(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fake-provider-process.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`fake provider exited (${code})`)));
  });
  return { url, stop: () => child.stdin.end() };
}

