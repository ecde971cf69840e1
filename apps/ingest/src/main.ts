import { openDatabase } from '@tierlens/db/runtime';
import { readIngestConfig } from './config.ts';
import { startIngest } from './start-ingest.ts';

// Runs the ingest alone: `npm start -w @tierlens/ingest` (or as a child of `npm start`).
const config = readIngestConfig();
const db = await openDatabase();
const ingest = await startIngest(db.url, config, { log: (l) => console.error(l) });
console.log(`Tierlens ingest listening on ${ingest.url} (POST /v1/traces)`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`ingest: ${signal}, stopping`);
  await ingest.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
