/**
 * One last export when the process is about to exit on its own (Node's `beforeExit`: the event
 * loop is empty). Everything the SDK schedules is unref'ed, so without this a short script would
 * exit with its spans still queued. The export may hold the process for at most
 * `exitFlushTimeoutMillis`; `process.exit()` skips `beforeExit`, so call `shutdown()` first there.
 */
interface ExitFlushable {
  readonly exitFlushTimeoutMillis: number;
  hasPendingWork(): boolean;
  forceFlush(): Promise<void>;
}

const processors = new Set<ExitFlushable>();
let listening = false;

export function registerExitFlush(processor: ExitFlushable): void {
  processors.add(processor);
  if (!listening) {
    listening = true;
    process.on('beforeExit', onBeforeExit);
  }
}

export function unregisterExitFlush(processor: ExitFlushable): void {
  processors.delete(processor);
  if (processors.size === 0 && listening) {
    listening = false;
    process.off('beforeExit', onBeforeExit);
  }
}

const flushing = new WeakSet<ExitFlushable>();

function onBeforeExit(): void {
  for (const p of processors) {
    // beforeExit fires again once the loop empties after our flush: flush each processor once per
    // burst of pending work, so an endpoint that keeps failing cannot keep the process alive.
    if (flushing.has(p) || !p.hasPendingWork()) continue;
    flushing.add(p);
    // This timer is deliberately ref'ed: it is what keeps the process alive for the flush, and it
    // bounds how long. The processor stays marked until its flush settles, so when the timer
    // lapses first the next beforeExit skips it and the process exits.
    const hold = setTimeout(() => undefined, p.exitFlushTimeoutMillis);
    void p.forceFlush().finally(() => {
      clearTimeout(hold);
      flushing.delete(p);
    });
  }
}
