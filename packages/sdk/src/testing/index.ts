import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { init, type Tierlens } from '../init.js';
import type { TierlensOptions } from '../tierlens-options.js';

export { InMemorySpanExporter, type ReadableSpan };

/** What {@link initTesting} returns. */
export interface TierlensTesting {
  tierlens: Tierlens;
  exporter: InMemorySpanExporter;
  /** Waits for spans still being finished, flushes, and returns every span exported so far. */
  getSpans(): Promise<ReadableSpan[]>;
  /** Forgets the spans exported so far. */
  reset(): void;
}

/**
 * `init()` with an in-memory exporter, for tests of apps that use the SDK (and the SDK's own
 * tests): spans are kept in memory instead of being sent anywhere.
 *
 * @example
 * const t = initTesting();
 * await wrapOpenAI(client).chat.completions.create({ ... });
 * const [span] = await t.getSpans();
 */
export function initTesting(options: Omit<TierlensOptions, 'exporter' | 'apiKey' | 'tracerProvider' | 'spanProcessor'> = {}): TierlensTesting {
  const exporter = new InMemorySpanExporter();
  const tierlens = init({ scheduledDelayMillis: 0, exitFlushTimeoutMillis: 0, ...options, exporter, enabled: true });
  return {
    tierlens,
    exporter,
    async getSpans() {
      // Classification and content capture finish spans on the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      await tierlens.flush();
      return exporter.getFinishedSpans();
    },
    reset: () => exporter.reset(),
  };
}
