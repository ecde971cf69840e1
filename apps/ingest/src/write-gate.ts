/** Thrown when more requests wait for the database than the gate allows. */
export class OverloadedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('The ingest is overloaded: the database is behind. Retry later.');
  }
}

/**
 * Bounds the requests writing to the database at once and the requests waiting for a turn. When
 * both are full the ingest refuses new work (503 + Retry-After) instead of queueing without
 * bound: exporters back off and retry, and memory stays flat.
 */
export class WriteGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly maxActive: number, private readonly maxWaiting: number) {}

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxActive) {
      if (this.waiting.length >= this.maxWaiting) throw new OverloadedError(1 + Math.floor(this.waiting.length / Math.max(1, this.maxActive)));
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
