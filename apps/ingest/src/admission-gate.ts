import { OverloadedError } from './write-gate.ts';

/** Bytes reserved for a body that declares no length, until its real size is known. */
export const UNKNOWN_LENGTH_RESERVATION = 1024 * 1024;

/** One admitted request's share of the gate: grows as its body turns out bigger, freed once. */
export interface AdmissionTicket {
  /**
   * Raises the bytes this request holds to `bytes` (raw plus decompressed body so far).
   * @throws {OverloadedError} when that would exceed the gate while other requests hold it.
   */
  reserve(bytes: number): void;
  /** Frees the request's share (idempotent). */
  release(): void;
}

/** Options of an {@link AdmissionGate}. */
export interface AdmissionLimits {
  /** Most requests held at once (the adaptive limit never exceeds it). */
  maxRequests: number;
  /** Most body bytes (raw plus decompressed) held at once. */
  maxBytes: number;
  /** Admitted requests should be answered within this (ms); the limit adapts to keep them so. */
  targetLatencyMs: number;
  retryAfterSeconds?: number;
}

/**
 * Admission before decoding: bounds the requests the ingest holds in memory at once, by count
 * and by body bytes, BEFORE their bodies are read. A request that does not fit is refused at
 * once (503 + Retry-After, its body never buffered), so memory stays bounded whatever the number
 * of senders.
 *
 * The count limit adapts to the machine (additive increase, multiplicative decrease on the
 * latency of admitted requests): on a busy or slow machine fewer requests are admitted at once,
 * so that each is answered well within an exporter's default 10 s timeout instead of all of them
 * timing out together. A single request larger than the byte budget is still admitted when it is
 * alone, so that no legal request (up to `INGEST_MAX_BODY_BYTES`) is refused forever.
 */
export class AdmissionGate {
  private requests = 0;
  private bytes = 0;
  private limit: number;
  private lastDecrease = 0;
  private readonly retryAfterSeconds: number;

  constructor(private readonly limits: AdmissionLimits) {
    this.limit = Math.min(limits.maxRequests, 4);
    this.retryAfterSeconds = limits.retryAfterSeconds ?? 2;
  }

  /** Requests and bytes held now, and the current adaptive request limit. */
  get load(): { requests: number; bytes: number; limit: number } {
    return { requests: this.requests, bytes: this.bytes, limit: this.limit };
  }

  /**
   * Admits a request whose body declares `declaredBytes` (null when it declares none).
   * @throws {OverloadedError} when the gate is full.
   */
  admit(declaredBytes: number | null): AdmissionTicket {
    const initial = declaredBytes ?? Math.min(UNKNOWN_LENGTH_RESERVATION, this.limits.maxBytes);
    if (this.requests >= this.limit || (this.requests > 0 && this.bytes + initial > this.limits.maxBytes)) {
      throw new OverloadedError(this.retryAfterSeconds, 'The ingest is at capacity: too many request bodies in progress. Retry later.');
    }
    this.requests++;
    this.bytes += initial;
    const admittedAt = performance.now();
    let held = initial;
    let released = false;
    return {
      reserve: (bytes: number) => {
        if (released || bytes <= held) return;
        const extra = bytes - held;
        if (this.requests > 1 && this.bytes + extra > this.limits.maxBytes) {
          throw new OverloadedError(this.retryAfterSeconds, 'The ingest is at capacity: too many request bytes in progress. Retry later.');
        }
        this.bytes += extra;
        held = bytes;
      },
      release: () => {
        if (released) return;
        released = true;
        this.requests--;
        this.bytes -= held;
        this.adapt(performance.now() - admittedAt);
      },
    };
  }

  /** AIMD on the latency of a finished request. */
  private adapt(latencyMs: number): void {
    const now = performance.now();
    if (latencyMs > this.limits.targetLatencyMs) {
      // At most one decrease per target period: the requests finishing late together all saw the same overload.
      if (now - this.lastDecrease > this.limits.targetLatencyMs) {
        this.limit = Math.max(1, Math.floor(this.limit * 0.7));
        this.lastDecrease = now;
      }
    } else if (latencyMs < this.limits.targetLatencyMs / 2 && this.limit < this.limits.maxRequests && this.requests + 1 >= this.limit) {
      this.limit++;
    }
  }
}
