import { reportError } from './report-error.js';

/** Waits for `promise` at most `ms` (on an unref'ed timer); never rejects. */
export function withDeadline(promise: Promise<unknown>, ms: number, where = 'flush'): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reportError(error, where);
        resolve();
      },
    );
  });
}
