/** Thrown when more requests wait for the database than the gate allows. */
export class OverloadedError extends Error {
  constructor(readonly retryAfterSeconds: number, message = 'The ingest is overloaded: the database is behind. Retry later.') {
    super(message);
  }
}

/**
 * Bounds the requests writing to the database at once and the requests waiting for a turn. When
 * both are full, or a request has waited its `maxWaitMs` for a turn, the ingest refuses it (503 +
 * Retry-After) instead of queueing without bound: exporters back off and retry, memory stays
 * flat, and no admitted request waits past an exporter's default 10 s timeout.
 */
export class WriteGate {
  private active = 0;
  private readonly waiting: Array<{ go: () => void }> = [];

  constructor(private readonly maxActive: number, private readonly maxWaiting: number) {}

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** Runs `fn` in a write slot, waiting at most `maxWaitMs` for one. */
  async run<T>(fn: () => Promise<T>, maxWaitMs = Number.POSITIVE_INFINITY): Promise<T> {
    if (this.active >= this.maxActive) {
      if (this.waiting.length >= this.maxWaiting) throw new OverloadedError(this.retryAfter());
      await new Promise<void>((resolve, reject) => {
        const entry = { go: resolve };
        this.waiting.push(entry);
        if (Number.isFinite(maxWaitMs)) {
          const timer = setTimeout(() => {
            const at = this.waiting.indexOf(entry);
            if (at === -1) return;
            this.waiting.splice(at, 1);
            reject(new OverloadedError(this.retryAfter(), 'The ingest is overloaded: no database write slot came free in time. Retry later.'));
          }, maxWaitMs);
          entry.go = () => {
            clearTimeout(timer);
            resolve();
          };
        }
      });
    } else {
      this.active++;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next.go();
      else this.active--;
    }
  }

  private retryAfter(): number {
    return 1 + Math.floor(this.waiting.length / Math.max(1, this.maxActive));
  }
}
