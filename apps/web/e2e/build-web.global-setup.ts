import { buildWebIfStale } from '@tierlens/cli/build-web';

/** Builds the dashboard once per run when its sources changed (about a minute on 2 cores). */
export default function setup(): void {
  buildWebIfStale(process.env, (l) => console.log(`[e2e] ${l}`));
}
