/**
 * The SDK's one error handler. Nothing the SDK does for itself (exporting, parsing a response to
 * read its usage, a user callback such as `redact` or `classify` failing) may throw into the host
 * app; every such failure ends here instead.
 */
export type ErrorHandler = (error: unknown, where: string) => void;

const warned = new Set<string>();

/** Default handler: one `console.warn` per kind of failure, so a broken exporter cannot flood logs. */
export const warnOnce: ErrorHandler = (error, where) => {
  if (warned.has(where)) return;
  warned.add(where);
  const message = error instanceof Error ? error.message : String(error);
  console.warn(`[tierlens] ${where}: ${message} (further "${where}" errors are not logged)`);
};

let handler: ErrorHandler = warnOnce;

/** Replaces the error handler (`init({ onError })`); pass `undefined` to restore the default. */
export function setErrorHandler(next: ErrorHandler | undefined): void {
  handler = next ?? warnOnce;
}

/** Reports an SDK failure to the handler. Never throws, even if the handler does. */
export function reportError(error: unknown, where: string): void {
  try {
    handler(error, where);
  } catch {
    // A throwing handler must not turn an SDK failure into a host failure.
  }
}
