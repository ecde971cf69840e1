import { readFileSync } from 'node:fs';
import { reportError } from './report-error.js';
import { compilePolicy, ZRoutingPolicy, type CompiledPolicy } from './routing-policy.js';

/** Where the routing policy comes from: a static object or file, or the ingest, polled. */
export type PolicySourceOptions =
  | { kind: 'static'; policy: unknown }
  | { kind: 'remote'; url: string; headers: Record<string, string>; refreshMillis: number; timeoutMillis: number };

/**
 * Holds the last good routing policy. A remote policy is fetched in the background at start and
 * every `refreshMillis` (an `unref()`ed timer, with `If-None-Match`, so an unchanged policy costs
 * a 304); a failed or invalid fetch keeps the last good policy and is reported once to the error
 * handler. Calls only ever read {@link current}: they never wait for a fetch, and a policy that
 * never arrived means no routing, not a failure.
 */
export class PolicySource {
  current: CompiledPolicy | undefined;
  private etag: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: PolicySourceOptions) {
    if (options.kind === 'static') this.current = loadStatic(options.policy);
  }

  /** Starts polling (remote policies only). */
  start(): void {
    if (this.options.kind !== 'remote' || this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMillis);
    this.timer.unref();
  }

  /** Fetches the policy now (at most one fetch at a time). Never rejects. */
  refresh(): Promise<void> {
    if (this.options.kind !== 'remote' || this.stopped) return Promise.resolve();
    this.inFlight ??= this.fetchOnce(this.options).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async fetchOnce(o: Extract<PolicySourceOptions, { kind: 'remote' }>): Promise<void> {
    try {
      const headers: Record<string, string> = { ...o.headers, accept: 'application/json' };
      if (this.etag && this.current) headers['if-none-match'] = this.etag;
      const res = await fetch(o.url, { headers, signal: AbortSignal.timeout(o.timeoutMillis) });
      if (res.status === 304) return;
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`GET ${o.url} answered ${res.status}; keeping the last policy`);
      }
      const parsed = ZRoutingPolicy.safeParse(await res.json());
      if (!parsed.success) throw new Error(`the routing policy from ${o.url} is not valid (${parsed.error.message}); keeping the last policy`);
      if (this.stopped) return;
      this.current = compilePolicy(parsed.data);
      this.etag = res.headers.get('etag') ?? undefined;
    } catch (error) {
      // A fetch that outlives its `init()` (shut down or replaced) is no longer the app's concern.
      if (!this.stopped) reportError(error, 'routing policy refresh');
    }
  }
}

/** A static policy: an object, or the path of a JSON file (read once, at `init()`). */
function loadStatic(policy: unknown): CompiledPolicy | undefined {
  try {
    const value = typeof policy === 'string' ? JSON.parse(readFileSync(policy, 'utf8')) : policy;
    return compilePolicy(ZRoutingPolicy.parse(value));
  } catch (error) {
    reportError(error, 'routing policy');
    return undefined;
  }
}
