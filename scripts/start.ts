/**
 * `npm start`: everything on one machine. Postgres (embedded unless DATABASE_URL is set) with
 * migrations applied, the ingest on :4318 and the weekly report scheduler in this process, the
 * dashboard on :3000 as a child process (built first when its sources changed), and on first
 * start a first user, organization, project and API key. Ctrl-C stops all of it, Postgres included.
 *
 * If this process is killed outright (kill -9, OOM), the dashboard server notices and exits (it
 * watches this pid), and the next start stops what is left: the embedded Postgres (see
 * reclaimOrphanedPostgres) and any dashboard of this checkout still on the port (clearPorts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapFirstRun } from '@tierlens/cli/bootstrap';
import { buildWebIfStale, WEB_DIR, WEB_SERVER } from '@tierlens/cli/build-web';
import { createApiKey, createDb, createProject, revokeApiKey, type Db } from '@tierlens/db';
import { openDatabase, readDatabaseConfig } from '@tierlens/db/runtime';
import { readIngestConfig, startIngest } from '@tierlens/ingest';
import { generateDemoTraffic } from './demo/generate-demo-traffic.ts';
import { clearPorts } from './start/clear-ports.ts';
import { removeRunRecord, writeRunRecord } from './start/run-record.ts';
import { init } from '@tierlens/sdk';
import { createAlertScheduler, type AlertScheduler } from '@tierlens/alerts';
import { createMailer, createReportScheduler, createRuleSafetyMonitor, readMailerConfig, readReportSecret, type ReportScheduler } from '@tierlens/reports';
import { createReplayRunner, deriveCredentialsKey, type ReplayRunner } from '@tierlens/evals';

const webPort = Number(process.env.PORT ?? process.env.TIERLENS_WEB_PORT ?? 3000);
const dev = process.env.TIERLENS_WEB_DEV === '1';
const log = (s: string) => console.log(`[tierlens] ${s}`);

const dbConfig = readDatabaseConfig();
const ingestConfig = readIngestConfig();
try {
  mkdirSync(dbConfig.dataDir, { recursive: true });
  await clearPorts({
    dataDir: dbConfig.dataDir,
    webDir: WEB_DIR,
    ports: [
      { port: webPort, host: '0.0.0.0', what: 'dashboard', env: 'PORT' },
      { port: ingestConfig.INGEST_PORT, host: ingestConfig.INGEST_HOST, what: 'ingest', env: 'INGEST_PORT' },
    ],
    log,
  });
} catch (err) {
  console.error(`[tierlens] ${(err as Error).message}`);
  process.exit(1);
}
const runRecord = { pid: process.pid, webPid: null as number | null, webPort, ingestPort: ingestConfig.INGEST_PORT, startedAt: new Date().toISOString() };
writeRunRecord(dbConfig.dataDir, runRecord);
log(dbConfig.databaseUrl ? 'Using the PostgreSQL in DATABASE_URL' : `Starting the embedded PostgreSQL (data in ${dbConfig.dataDir})`);
const database = await openDatabase(dbConfig);
if (database.migrations.applied.length) log(`Applied migrations: ${database.migrations.applied.join(', ')}`);

let web: ChildProcess | null = null;
let ingest: Awaited<ReturnType<typeof startIngest>> | null = null;
let reports: { scheduler: ReportScheduler; db: Db } | null = null;
let evals: ReplayRunner | null = null;
let alerts: AlertScheduler | null = null;
let stopping = false;

async function stop(code = 0): Promise<never> {
  // Ctrl-C can reach this process twice (the terminal signals the whole group and npm relays
  // it); a second signal must not exit in the middle of the first one's shutdown.
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  log('Stopping…');
  if (web && web.exitCode === null) {
    const exited = new Promise((r) => web!.once('exit', r));
    web.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (web.exitCode === null) web.kill('SIGKILL');
  }
  await ingest?.close().catch(() => {});
  await alerts?.stop().catch(() => {});
  await reports?.scheduler.stop().catch(() => {});
  await evals?.stop().catch(() => {});
  await reports?.db.$disconnect().catch(() => {});
  await database.close().catch((e) => console.error(e));
  removeRunRecord(dbConfig.dataDir);
  log('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const db = createDb(database.url, { max: 2 });
  const first = await bootstrapFirstRun(db);
  await db.$disconnect();

  const secret = process.env.BETTER_AUTH_SECRET ?? readOrCreateSecret(join(dbConfig.dataDir, 'auth-secret'));
  const publicUrl = process.env.TIERLENS_PUBLIC_URL ?? `http://localhost:${webPort}`;
  ingest = await startIngest(database.url, ingestConfig, { log: (l) => console.error(`[ingest] ${l}`) });
  const ingestUrl = process.env.TIERLENS_INGEST_PUBLIC_URL ?? `http://localhost:${ingest.port}`;
  log(`Ingest listening on ${ingest.url} (OTLP/HTTP: POST /v1/traces)`);

  // Weekly email reports, beside the ingest: safe to run in every process (each send is claimed in Postgres).
  const mailer = createMailer(readMailerConfig());
  const reportsDb = createDb(database.url, { max: 2 });
  reports = {
    db: reportsDb,
    scheduler: createReportScheduler({
      db: reportsDb,
      mailer,
      secret: readReportSecret({ ...process.env, BETTER_AUTH_SECRET: secret }),
      dashboardUrl: publicUrl,
      log: (l) => console.error(`[reports] ${l}`),
    }),
  };
  reports.scheduler.start();
  // Pauses enforced and canary rules whose routed calls do clearly worse, and emails the owners.
  createRuleSafetyMonitor({ db: reportsDb, mailer, dashboardUrl: publicUrl, log: (l) => console.error(`[rules] ${l}`) }).start();
  // Budgets and spend anomalies, checked once a minute; each notification is claimed in Postgres, so every process may run it.
  alerts = createAlertScheduler({ db: reportsDb, mailer, publicUrl, log: (l) => console.error(`[alerts] ${l}`) });
  alerts.start();
  log(`Weekly reports: ${mailer.transport === 'smtp' ? 'sent through SMTP_URL' : `no SMTP_URL, so written as .eml files to ${mailer.outboxDir}`}`);

  // Replay evaluations, beside the reports and on their connections: each run is claimed in Postgres,
  // so a restart resumes it. The dashboard seals provider keys with the same key.
  const credentialsKey = process.env.TIERLENS_CREDENTIALS_KEY ?? readOrCreateSecret(join(dbConfig.dataDir, 'credentials-key'));
  evals = createReplayRunner({ db: reportsDb, credentialsKey: deriveCredentialsKey(credentialsKey), log: (l) => console.error(`[evals] ${l}`) });
  evals.start();

  const env = {
    ...process.env,
    TIERLENS_CREDENTIALS_KEY: credentialsKey,
    DATABASE_URL: database.url,
    // The dashboard writes "send me this now" reports to the same outbox as the scheduler.
    TIERLENS_DATA_DIR: dbConfig.dataDir,
    BETTER_AUTH_SECRET: secret,
    TIERLENS_PUBLIC_URL: publicUrl,
    TIERLENS_INGEST_PUBLIC_URL: ingestUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(webPort),
  };
  if (!dev) buildWebIfStale(env, log);
  // Our server around Next (apps/web/serve): it decides the client address for the sign-in rate
  // limit, and exits by itself if this process dies without stopping it.
  web = spawn(process.execPath, [WEB_SERVER, ...(dev ? ['--dev'] : []), '-p', String(webPort)], {
    cwd: WEB_DIR,
    env: { ...env, TIERLENS_PARENT_PID: String(process.pid) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  writeRunRecord(dbConfig.dataDir, { ...runRecord, webPid: web.pid ?? null });
  web.on('exit', (code) => {
    if (!stopping) {
      log(`The dashboard process exited (code ${code}); stopping.`);
      void stop(code ?? 1);
    }
  });
  await waitForHttp(`http://127.0.0.1:${webPort}/sign-in`, 120_000);

  console.log('');
  log(`Dashboard: ${publicUrl}`);
  if (first.created) {
    log(`Sign in as ${first.email} with password ${first.password}`);
    log(`Project "default" API key (shown once, store it now): ${first.apiKey}`);
    log(`Send spans: OTEL_EXPORTER_OTLP_ENDPOINT=${ingestUrl} OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer ${first.apiKey}"`);
  } else {
    log(`Sign in as ${first.email ?? 'your user'} (password as printed on first start).`);
    if (first.projectId) log(`New API key: npx tierlens key create --project ${first.projectId}`);
  }
  if (first.created && process.env.TIERLENS_DEMO !== '0') {
    // A week of realistic traffic in a separate "demo" project, so the dashboard has spend and
    // findings to show at once while the user's own project stays clean. TIERLENS_DEMO=0 skips it.
    log('Recording a week of demo traffic into the project "demo" (TIERLENS_DEMO=0 to skip)…');
    void recordDemo(first.organizationId, ingest.url).then(
      (n) => log(`Demo project ready: ${n} calls. Pick "demo" in the project switcher.`),
      (err) => log(`Demo traffic failed: ${(err as Error).message}`),
    );
  }
  log('Press Ctrl-C to stop.');
} catch (err) {
  console.error(`[tierlens] Start failed: ${(err as Error).stack ?? err}`);
  await stop(1);
}

async function recordDemo(organizationId: string, endpoint: string): Promise<number> {
  const demoDb = createDb(database.url, { max: 1 });
  try {
    const project = await createProject(demoDb, { organizationId, name: 'demo' });
    const key = await createApiKey(demoDb, { projectId: project.id, name: 'demo traffic' });
    const tierlens = init({ apiKey: key.secret, endpoint, serviceName: 'tierlens-demo' });
    const made = await generateDemoTraffic(tierlens.tracer, () => tierlens.flush(), { end: new Date(), days: 7 });
    await tierlens.shutdown();
    await revokeApiKey(demoDb, { projectId: project.id, apiKeyId: key.id });
    return made;
  } finally {
    await demoDb.$disconnect();
  }
}

function readOrCreateSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The dashboard did not answer on ${url} within ${timeoutMs / 1000}s.`);
}
