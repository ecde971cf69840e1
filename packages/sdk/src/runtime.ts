import type { Attributes, Context, Span } from '@opentelemetry/api';
import type { Router } from './router.js';
import type { TierlensContext } from './tierlens-context.js';
import type { Classify, Redact } from './tierlens-options.js';

/** What the wrappers need at call time, set by `init()`. Read on every call, so kept flat. */
export interface Runtime {
  enabled: boolean;
  /** Starts a call span (CLIENT kind) under `parent`: a light span when the SDK owns the provider, the app tracer's span otherwise. */
  startSpan: (name: string, attributes: Attributes, parent: Context) => Span;
  captureContent: boolean | 'redacted';
  redact: Redact | undefined;
  classify: Classify | undefined;
  includeStreamUsage: boolean;
  context: TierlensContext | undefined;
  /** Applies routing rules; undefined when routing is off. */
  router: Router | undefined;
}

let current: Runtime | undefined;

/** The runtime of the last `init()`, or undefined before it (wrappers then pass calls through). */
export function getRuntime(): Runtime | undefined {
  return current;
}

export function setRuntime(next: Runtime | undefined): void {
  current = next;
}
