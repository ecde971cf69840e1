/**
 * Watches a Stainless `APIPromise` (openai-node, anthropic-sdk-typescript) from the side, without
 * wrapping it: the app keeps the very promise the client returned, with `.withResponse()`,
 * `.asResponse()` and `_thenUnwrap()`, and its errors. Re-wrapping it is what broke `.withResponse()`
 * and streams in other SDKs.
 *
 * Two things are observed, and neither changes when or whether the body is read:
 * - the response promise (headers or the API error), through a side chain on the promise's
 *   `responsePromise`. Calling the public `asResponse()` instead would not parse either, but
 *   `@anthropic-ai/sdk` ends its own tracing span there, so it is not side-effect free;
 * - the parsed result, by wrapping the instance's `parseResponse` function, which the promise calls
 *   only when the app asks for data (`await`, `.then`, `.withResponse()`), at most once.
 * Both are implementation fields of the Stainless client core (present since openai 4 and in
 * every `@anthropic-ai/sdk` release); when they are missing, nothing is observed and the call is
 * reported as unobservable instead of being forced.
 */
export interface ApiPromiseObserver {
  /** The response arrived (2xx, before the body was read). `parsing` says whether the app asked for data yet. */
  onResponse(parsing: boolean): void;
  /** The parsed data (for a streamed call: the stream object). */
  onParsed(data: unknown): void;
  /** The request or the parse failed; `error` is the very error the app receives. */
  onError(error: unknown): void;
}

interface StainlessPromise {
  responsePromise?: PromiseLike<unknown>;
  /** Set as soon as the app asks for data (`await`, `.then`, `.withResponse()`). */
  parsedPromise?: unknown;
  parseResponse?: (...args: unknown[]) => unknown;
}

/** Returns false when `promise` does not look like a Stainless `APIPromise` (nothing is observed then). */
export function observeApiPromise(promise: unknown, observer: ApiPromiseObserver): boolean {
  const p = promise as StainlessPromise | null;
  const responsePromise = p?.responsePromise;
  const parseResponse = p?.parseResponse;
  if (!p || typeof responsePromise?.then !== 'function' || typeof parseResponse !== 'function') return false;
  let parsing = false;
  p.parseResponse = function observedParseResponse(this: unknown, ...args: unknown[]): unknown {
    parsing = true;
    let result: unknown;
    try {
      result = parseResponse.apply(this, args);
    } catch (error) {
      observer.onError(error);
      throw error;
    }
    // Side chain only: the client hands on `result` itself, unchanged. A synchronous result (a
    // stream) is observed before the app can read it.
    if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') {
      (result as PromiseLike<unknown>).then(
        (data) => observer.onParsed(data),
        (error: unknown) => observer.onError(error),
      );
    } else {
      observer.onParsed(result);
    }
    return result;
  };
  responsePromise.then(
    // The parse itself starts after this reaction, so "asked for data" is read from the promise.
    () => observer.onResponse(parsing || p.parsedPromise !== undefined),
    (error: unknown) => observer.onError(error),
  );
  return true;
}
