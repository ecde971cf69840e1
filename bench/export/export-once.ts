/**
 * One CSV export of a project's calls in a process of its own, so its peak RSS is its own:
 * `stream` is the shipped export (keyset pages, lines pulled as they are written); `naive` reads
 * every row first and then writes, the way exports that break at a few hundred thousand rows
 * work. Prints JSON: rows, bytes, seconds, peak RSS.
 */
import { createDb } from '@tierlens/db';
import { streamCallsCsv } from '@/features/calls/server/stream-calls-csv';
import { csvLine } from '@/lib/csv';

const [mode, projectId, from, to] = process.argv.slice(2) as ['stream' | 'naive', string, string, string];
const db = createDb(process.env.DATABASE_URL!, { max: 2 });
const startRss = process.memoryUsage().rss;
let peak = startRss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const range = { from: new Date(from), to: new Date(to) };
const t0 = performance.now();
let bytes = 0;
let rows = 0;
if (mode === 'stream') {
  for await (const chunk of streamCallsCsv(db, projectId, { range })) {
    bytes += Buffer.byteLength(chunk);
    rows += chunk.split('\r\n').length - 1;
  }
} else {
  const all = await db.llmCall.findMany({ where: { projectId, startTime: { gte: range.from, lt: range.to } }, orderBy: [{ startTime: 'desc' }, { traceId: 'desc' }, { spanId: 'desc' }] });
  const text = all.map((c) => csvLine([c.startTime, c.traceId, c.spanId, c.provider, c.model, c.operation, c.status, c.errorType, c.queryType, c.queryTypeSource, c.feature, c.environment, c.inputTokens, c.outputTokens, c.costUsd?.toString(), c.durationMs, c.timeToFirstTokenMs, c.usageSource])).join('');
  bytes = Buffer.byteLength(text);
  rows = all.length + 1;
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ mode, rows, bytes, seconds: (performance.now() - t0) / 1000, peakRssMb: peak / 1048576, startRssMb: startRss / 1048576 }));
await db.$disconnect();
