import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sparticuzChromium from '@sparticuz/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '@tierlens/db/runtime';

/** Where screenshots go (a CI artifact; gitignored). */
export const ARTIFACTS = join(REPO_ROOT, 'artifacts', 'e2e');

/** Flags for any Chromium here: no background traffic, which a closed network only refuses. */
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * `@sparticuz/chromium`'s flags that are dropped. Those that switch browser security off: the
 * tests check the dashboard's CSP, frame and origin rules, so the browser must enforce them as a
 * user's does. And `--single-process` (for Lambda's sandbox): with it, closing a page closes the
 * whole browser, and the tests open a page per case.
 */
const DROPPED = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials', '--single-process']);

/** A system Chromium when one is there: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

/**
 * The executable and flags to launch. Without a system Chromium, the one inside the npm package
 * `@sparticuz/chromium` (a headless shell; no install script, nothing downloaded: the first call
 * unpacks it from the package into the temp folder, about 7 s, later calls reuse it).
 */
export async function chromiumLaunchSpec(env: NodeJS.ProcessEnv = process.env): Promise<{ executablePath: string; args: string[]; env?: Record<string, string> }> {
  const system = systemChromium(env);
  if (system) return { executablePath: system, args: ['--no-sandbox', '--disable-gpu', ...QUIET] };
  const executablePath = await sparticuzChromium.executablePath();
  const args = [...sparticuzChromium.args.filter((a) => !DROPPED.has(a)), ...QUIET];
  // The package unpacks its own fonts next to the binary; use them where the system has no fontconfig.
  const fonts = join(tmpdir(), 'fonts');
  const needFonts = !existsSync('/etc/fonts/fonts.conf') && existsSync(join(fonts, 'fonts.conf'));
  return { executablePath, args, env: needFonts ? { ...stringEnv(env), FONTCONFIG_PATH: fonts } : undefined };
}

/** Headless Chromium for the browser tests. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const spec = await chromiumLaunchSpec();
  return chromium.launch(spec);
}

/** Saves a full-page screenshot as an artifact named after the page and width. */
export async function shot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
