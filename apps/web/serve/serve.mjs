// @ts-check
/**
 * The dashboard's HTTP server: Next.js's request handler behind a plain Node server, so that the
 * client address the app sees is decided here, from the socket, before any header is believed.
 *
 *   node apps/web/serve/serve.mjs [--dev] [-p PORT] [-H HOST]
 *
 * - `X-Forwarded-For` is replaced by the one client address Tierlens believes (see
 *   client-address.mjs): the connecting address, unless it is a proxy listed in
 *   TIERLENS_TRUSTED_PROXIES. Better Auth reads it for the sign-in rate limit and session IPs,
 *   and a client can no longer pick its own. (`next start` would pass a client's header through.)
 * - With TIERLENS_PARENT_PID set (`npm start` sets it), the server exits when that process is
 *   gone, however it died (kill -9 included), instead of holding the port as an orphan.
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientAddress, parseTrustedProxies } from './client-address.mjs';

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const flag = (/** @type {string} */ name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(flag('-p') ?? process.env.PORT ?? 3000);
const hostname = flag('-H') ?? process.env.HOSTNAME ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${flag('-p') ?? process.env.PORT}`);

let trustedProxies;
try {
  trustedProxies = parseTrustedProxies(process.env.TIERLENS_TRUSTED_PROXIES);
} catch (err) {
  console.error(`[web] ${/** @type {Error} */ (err).message}`);
  process.exit(2);
}

// Next picks its mode from NODE_ENV; a test runner's NODE_ENV=test must not leak in.
process.env.NODE_ENV = dev ? 'development' : 'production';
watchParent(process.env.TIERLENS_PARENT_PID);

const { default: next } = await import('next');
const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = next({ dev, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const client = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
  if (client) req.headers['x-forwarded-for'] = client;
  else delete req.headers['x-forwarded-for'];
  void handle(req, res);
});
server.on('error', (err) => {
  console.error(`[web] ${err.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`[web] Dashboard server listening on ${hostname}:${port}${dev ? ' (next dev)' : ''}`));

for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}

/**
 * Exits when the process `pid` is gone. Polled: Linux has no portable "parent died" signal from
 * Node, and a pid that stops answering signal 0 (or a changed parent pid) means the owner died.
 * @param {string | undefined} pid
 */
function watchParent(pid) {
  const owner = Number(pid);
  if (!Number.isInteger(owner) || owner <= 1) return;
  const startPpid = process.ppid;
  const timer = setInterval(() => {
    let alive = true;
    try {
      process.kill(owner, 0);
    } catch (err) {
      alive = /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
    }
    if (!alive || (startPpid === owner && process.ppid !== owner)) {
      console.error(`[web] The process that started the dashboard (pid ${owner}) is gone; stopping.`);
      process.exit(0);
    }
  }, 500);
  timer.unref();
}
