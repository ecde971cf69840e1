/**
 * `npm run demo`: a realistic week of LLM traffic for a project (the first one, or
 * `--project <id>`), recorded through the real SDK and sent to the ingest (the running one on
 * :4318, or one started here), so the dashboard shows spend, query types and findings at once.
 * `--days N` and `--scale X` (fraction of the default volume, about 4,500 calls a day) adjust it.
 */
import { createApiKey, createDb, revokeApiKey } from '@tierlens/db';
import { openDatabase } from '@tierlens/db/runtime';
import { readIngestConfig, startIngest } from '@tierlens/ingest';
import { init } from '@tierlens/sdk';
import { generateDemoTraffic } from './demo/generate-demo-traffic.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const days = Number(flag('days') ?? 7);
const scale = Number(flag('scale') ?? 1);

const database = await openDatabase();
const db = createDb(database.url, { max: 2 });
const project = flag('project')
  ? await db.project.findUnique({ where: { id: flag('project') }, select: { id: true, name: true } })
  : await db.project.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true, name: true } });
if (!project) {
  console.error('No project yet: run `npm start` once (it creates one), or pass --project <id>.');
  process.exit(2);
}
const key = await createApiKey(db, { projectId: project.id, name: 'demo traffic' });

let endpoint = process.env.TIERLENS_ENDPOINT ?? 'http://127.0.0.1:4318';
let ownIngest: Awaited<ReturnType<typeof startIngest>> | null = null;
const running = await fetch(`${endpoint}/healthz`).then((r) => r.ok, () => false);
if (!running) {
  ownIngest = await startIngest(database.url, readIngestConfig({ ...process.env, INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }));
  endpoint = ownIngest.url;
}
console.log(`Recording ${days} days of demo traffic for project "${project.name}" through the SDK to ${endpoint}…`);
const tierlens = init({ apiKey: key.secret, endpoint, serviceName: 'tierlens-demo' });
const made = await generateDemoTraffic(tierlens.tracer, () => tierlens.flush(), { end: new Date(), days, scale });
await tierlens.shutdown();
const stats = tierlens.getStats();
await revokeApiKey(db, { projectId: project.id, apiKeyId: key.id });
console.log(`Sent ${made} calls (${stats.exported} exported, ${stats.dropped} dropped, ${stats.failed} failed). Open the dashboard's Overview and Savings pages.`);
await ownIngest?.close();
await db.$disconnect();
await database.close();
process.exit(0);
