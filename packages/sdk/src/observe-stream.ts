/**
 * Watches a Stainless `Stream` (openai-node, anthropic-sdk-typescript) as the app reads it, keeping
 * the same stream object: `for await`, `.tee()`, `.toReadableStream()` and `.controller` all keep
 * working, because all of them read through the instance's `iterator` factory, which is what is
 * wrapped here. Chunks pass through by identity; the iterator's own errors are rethrown unchanged.
 */
export interface StreamObserver<Chunk> {
  /** Sees a chunk; returning false hides it from the app. */
  onChunk(chunk: Chunk): boolean;
  /** The stream ended: `error` is what the iterator threw; `cancelled` when the app stopped early. */
  onEnd(error: unknown, cancelled: boolean): void;
  /** The app started reading (an iterator was made), optional. */
  onRead?(): void;
}

/** Returns false when `stream` does not look like a Stainless `Stream` (nothing is observed then). */
export function observeStream<Chunk>(stream: unknown, observer: StreamObserver<Chunk>): boolean {
  const s = stream as { iterator?: () => AsyncIterator<Chunk>; controller?: AbortController } | null;
  const factory = s?.iterator;
  if (!s || typeof factory !== 'function') return false;
  s.iterator = function observedIterator(this: unknown): AsyncIterator<Chunk> {
    observer.onRead?.();
    return observeIterator(factory.call(this), observer);
  };
  // A stream the app never reads has no end to observe: the caller watches for it being
  // garbage-collected instead (see record-call.ts).
  return true;
}

function observeIterator<Chunk>(inner: AsyncIterator<Chunk>, observer: StreamObserver<Chunk>): AsyncIterator<Chunk> {
  // Plain promise chains rather than an async function: one promise fewer per chunk on a path
  // that runs for every chunk of every stream.
  const onError = (error: unknown): never => {
    observer.onEnd(error, false);
    throw error;
  };
  const onResult = (result: IteratorResult<Chunk>): IteratorResult<Chunk> | Promise<IteratorResult<Chunk>> => {
    if (result.done) {
      observer.onEnd(undefined, false);
      return result;
    }
    // A hidden chunk is replaced by the next one, so the app never sees it.
    return observer.onChunk(result.value) ? result : inner.next().then(onResult, onError);
  };
  const iterator: AsyncIterator<Chunk> & AsyncIterable<Chunk> = {
    next(...args: [] | [unknown]): Promise<IteratorResult<Chunk>> {
      return inner.next(...args).then(onResult, onError);
    },
    async return(value?: unknown): Promise<IteratorResult<Chunk>> {
      observer.onEnd(undefined, true);
      return inner.return ? inner.return(value) : { done: true, value: value as Chunk };
    },
    async throw(error?: unknown): Promise<IteratorResult<Chunk>> {
      observer.onEnd(error, false);
      if (inner.throw) return inner.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
