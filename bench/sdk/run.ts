/**
 * What @tierlens/sdk adds to an app's LLM calls, measured against the same calls unwrapped in the
 * same run (interleaved call by call, so drift in machine load hits both arms alike).
 *
 *   npx tsx bench/sdk/run.ts            # all phases (about a minute)
 *   npx tsx bench/sdk/run.ts --quick    # fewer iterations
 *
 * 1. network: real `openai` client → local fake provider over HTTP (test/support/fake-provider.ts,
 *    run in a child process), spans exported over OTLP/HTTP protobuf to a local sink (in process).
 *    Median and p99 per call, both arms, and the median of per-pair differences; three rounds of
 *    5,000 calls per arm, reported with the median round; then a control round of two unwrapped
 *    clients measured the same way (A/A), which shows the method's own bias.
 * 2. hot path: the same client with a `fetch` that answers at once from memory, so the
 *    difference is the SDK's own work per call (span, attributes, side observation, queue push).
 * 3. streaming: as 2, for a 7-chunk chat stream read to the end.
 * 4. ingest down: sustained load with the export endpoint refusing connections: per-call cost
 *    (interleaved as above), heap after GC along the way, and the queue and drop counters
 *    (memory must stay bounded).
 * Added memory: heap after GC after N wrapped calls minus after N unwrapped calls (phase 2).
 * The SDK is the built package as an app installs it (packages/sdk/test/install-built-package.ts
 * builds it first if a source is newer).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import OpenAI from 'openai';
import { INSTALLED_PACKAGE, installBuiltPackage } from '../../packages/sdk/test/install-built-package.ts';
import {
  deadUrl,
  heap,
  interleave,
  mb,
  memoryClient,
  params,
  readAll,
  report,
  startProviderProcess,
  startSink,
  summarize,
  us,
  yieldToLoop,
} from './measure.ts';

// Measure the package as apps run it: the built dist (plain tsc output), not tsx-transpiled sources.
installBuiltPackage();
const { getStats, init, shutdown, wrapOpenAI } = (await import(
  pathToFileURL(join(INSTALLED_PACKAGE, 'dist/esm/index.js')).href
)) as typeof import('../../packages/sdk/src/index.ts');

const quick = process.argv.includes('--quick');
const scale = quick ? 0.2 : 1;

// --- run -----------------------------------------------------------------------------------
const provider = await startProviderProcess();
const sink = await startSink();
console.log(`# @tierlens/sdk benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick)' : ''}`);
console.log('Each phase interleaves unwrapped and wrapped calls in the same run; "added" = wrapped − unwrapped.');

init({ apiKey: 'tl_bench', endpoint: sink.url, onError: () => {} });

// 1. network: three rounds, since loopback HTTP timings drift between rounds more than the SDK costs;
// the figure is the median round.
const netPlain = new OpenAI({ apiKey: 'sk-bench', baseURL: `${provider.url}/v1`, maxRetries: 0 });
const netWrapped = wrapOpenAI(new OpenAI({ apiKey: 'sk-bench', baseURL: `${provider.url}/v1`, maxRetries: 0 }));
const NET = Math.round(5000 * scale);
const rounds: Array<{ addedMedian: number; addedP99: number }> = [];
for (let round = 1; round <= 3; round++) {
  rounds.push(
    report(
      `1. network, round ${round} of 3: openai → local fake provider over HTTP, ${NET} calls per arm`,
      await interleave(NET, 300, () => netPlain.chat.completions.create(params), () => netWrapped.chat.completions.create(params)),
    ),
  );
}
const network = [...rounds].sort((x, y) => x.addedMedian - y.addedMedian)[1]!;
console.log(`\n  network, the three rounds' added medians: ${rounds.map((r) => us(r.addedMedian)).join(', ')} → median round ${us(network.addedMedian)}`);
// Control: two unwrapped clients measured the same way; what this shows is the method's own bias.
const netPlain2 = new OpenAI({ apiKey: 'sk-bench', baseURL: `${provider.url}/v1`, maxRetries: 0 });
const control = report(
  `1c. network, control: two unwrapped clients the same way (A/A), ${NET} calls per arm`,
  await interleave(NET, 300, () => netPlain.chat.completions.create(params), () => netPlain2.chat.completions.create(params)),
);

// 2. hot path
const memPlain = memoryClient();
const memWrapped = wrapOpenAI(memoryClient());
const hot = report(
  `2. hot path: openai with an in-memory fetch, ${Math.round(20000 * scale)} calls per arm`,
  await interleave(Math.round(20000 * scale), 2000, () => memPlain.chat.completions.create(params), () => memWrapped.chat.completions.create(params)),
);

// 3. streaming
const streamParams = { ...params, stream: true as const };
const streaming = report(
  `3. streaming: 7-chunk chat stream read to the end, in-memory fetch, ${Math.round(10000 * scale)} calls per arm`,
  await interleave(
    Math.round(10000 * scale),
    1000,
    async () => readAll(await memPlain.chat.completions.create(streamParams)),
    async () => readAll(await memWrapped.chat.completions.create(streamParams)),
  ),
);
// 3b. the same without the usage chunk: the SDK's own share of 3 (the rest is the client reading
// the extra chunk the SDK asks for, so that streamed calls have token counts).
const memWrappedNoUsage = wrapOpenAI(memoryClient(), { includeStreamUsage: false });
const streamingOwn = report(
  `3b. streaming as 3, wrapped with includeStreamUsage: false (no extra usage chunk), ${Math.round(10000 * scale)} calls per arm`,
  await interleave(
    Math.round(10000 * scale),
    1000,
    async () => readAll(await memPlain.chat.completions.create(streamParams)),
    async () => readAll(await memWrappedNoUsage.chat.completions.create(streamParams)),
  ),
);
await shutdown();
const exportedLive = getStats();
console.log(`\n  export to the live sink during phases 1–3: ${exportedLive.exported} spans exported in ${exportedLive.batches} batches, ${exportedLive.dropped} dropped, ${exportedLive.failed} failed`);

// Added memory: retained heap after N calls, each arm alone, the SDK exporting to the live sink.
const N = Math.round(10000 * scale);
init({ apiKey: 'tl_bench', endpoint: sink.url, onError: () => {} });
const base0 = heap();
for (let i = 0; i < N; i++) {
  await memPlain.chat.completions.create(params);
  await yieldToLoop();
}
const base1 = heap();
for (let i = 0; i < N; i++) {
  await memWrapped.chat.completions.create(params);
  await yieldToLoop();
}
const wrapped1 = heap();
await shutdown();
const wrappedFlushed = heap();
console.log(`\n## added memory (${N} calls per arm, heap after GC)`);
console.log(`  unwrapped: ${mb(base1 - base0)}   wrapped: ${mb(wrapped1 - base1)} (queue not yet flushed)   after flush+shutdown: ${mb(wrappedFlushed - base1)}`);

// 4. ingest down, sustained load (interleaved with unwrapped calls, as in phases 1–3)
const downN = Math.round(60000 * scale);
init({ apiKey: 'tl_bench', endpoint: await deadUrl(), timeoutMillis: 2000, onError: () => {} });
const samples: string[] = [];
const startHeap = heap();
let maxQueued = 0;
const downTimes: number[] = [];
const downPlain: number[] = [];
for (let i = 1; i <= downN; i++) {
  for (const arm of i % 2 ? [0, 1] : [1, 0]) {
    const start = performance.now();
    await (arm === 0 ? memPlain : memWrapped).chat.completions.create(params);
    (arm === 0 ? downPlain : downTimes).push(performance.now() - start);
  }
  await yieldToLoop();
  if (i % Math.round(downN / 5) === 0) {
    const s = getStats();
    maxQueued = Math.max(maxQueued, s.queued);
    samples.push(`${String(i).padStart(6)} wrapped calls: heap +${mb(heap() - startHeap)}, queued ${s.queued}, dropped ${s.dropped}, failed ${s.failed}, retries ${s.retries}`);
  }
}
const down = report(
  `4. ingest down: ${downN} calls per arm, export endpoint refusing connections (maxQueueSize 2048, export deadline 2 s)`,
  { plain: summarize(downPlain), wrapped: summarize(downTimes) },
);
for (const line of samples) console.log(`  ${line}`);
const shutdownStart = performance.now();
await shutdown();
console.log(`  shutdown() with the endpoint down took ${(performance.now() - shutdownStart).toFixed(0)} ms; max queued seen ${maxQueued}`);

console.log('\n## summary');
console.log(`  added per call, median: network ${us(network.addedMedian)} (A/A control ${us(control.addedMedian)}), hot path ${us(hot.addedMedian)}, streaming ${us(streaming.addedMedian)} (without the usage chunk ${us(streamingOwn.addedMedian)}), ingest down ${us(down.addedMedian)} (target < 20 µs)`);
console.log(`  added per call, p99:    network ${us(network.addedP99)}, hot path ${us(hot.addedP99)}, streaming ${us(streaming.addedP99)}, ingest down ${us(down.addedP99)}`);

provider.stop();
sink.server.close();
