import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { IngestConfig } from './config.ts';
import { createIngestServer, type IngestServer } from './server.ts';

export interface RunningIngest extends IngestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Starts the ingest on an already-migrated database: a connection pool, the HTTP server and a
 * daily job that creates the coming months' call partitions.
 */
export async function startIngest(
  databaseUrl: string,
  config: IngestConfig,
  options: { log?: (line: string) => void; apiKeyTtlMs?: number } = {},
): Promise<RunningIngest> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: config.INGEST_MAX_CONCURRENT_WRITES + 4, connectionTimeoutMillis: 10_000 });
  pool.on('error', (err) => options.log?.(`ingest: idle database connection failed: ${err.message}`));
  const ensurePartitions = () =>
    pool
      .query(`SELECT tierlens_ensure_call_partitions(now() - interval '1 month', now() + interval '3 months')`)
      .catch((err) => options.log?.(`ingest: could not create call partitions: ${(err as Error).message}`));
  await ensurePartitions();
  const timer = setInterval(ensurePartitions, DAY_MS);
  timer.unref();
  const ingest = createIngestServer({ pool, config, log: options.log, apiKeyTtlMs: options.apiKeyTtlMs });
  await new Promise<void>((resolve, reject) => {
    ingest.server.once('error', reject);
    ingest.server.listen(config.INGEST_PORT, config.INGEST_HOST, resolve);
  });
  const port = (ingest.server.address() as AddressInfo).port;
  const host = config.INGEST_HOST === '0.0.0.0' ? '127.0.0.1' : config.INGEST_HOST;
  let closed = false;
  return {
    ...ingest,
    port,
    url: `http://${host}:${port}`,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      ingest.server.closeIdleConnections();
      await new Promise<void>((resolve) => ingest.server.close(() => resolve()));
      await pool.end();
    },
  };
}
