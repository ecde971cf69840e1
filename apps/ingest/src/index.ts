export { createIngestServer, type IngestServer, type IngestServerOptions } from './server.ts';
export { startIngest, type RunningIngest } from './start-ingest.ts';
export { readIngestConfig, type IngestConfig } from './config.ts';
