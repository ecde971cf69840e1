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

/**
 * Admission before decoding: bounds the requests the ingest holds in memory at once, by count
 * and by body bytes, BEFORE their bodies are read. A request that does not fit is refused at
 * once (503 + Retry-After, in well under 100 ms, its body never buffered), so memory stays
 * bounded whatever the number of senders, and the requests that are admitted finish well
 * within an exporter's default 10 s timeout instead of queueing behind everyone.
 * A single request larger than the byte budget is still admitted when it is alone, so that no
 * legal request (up to `INGEST_MAX_BODY_BYTES`) is refused forever.
 */
export class AdmissionGate {
  private requests = 0;
  private bytes = 0;

  constructor(private readonly maxRequests: number, private readonly maxBytes: number, private readonly retryAfterSeconds = 2) {}

  /** Requests and bytes held now. */
  get load(): { requests: number; bytes: number } {
    return { requests: this.requests, bytes: this.bytes };
  }

  /**
   * Admits a request whose body declares `declaredBytes` (null when it declares none).
   * @throws {OverloadedError} when the gate is full.
   */
  admit(declaredBytes: number | null): AdmissionTicket {
    const initial = declaredBytes ?? Math.min(UNKNOWN_LENGTH_RESERVATION, this.maxBytes);
    if (this.requests >= this.maxRequests || (this.requests > 0 && this.bytes + initial > this.maxBytes)) {
      throw new OverloadedError(this.retryAfterSeconds, 'The ingest is at capacity: too many request bodies in progress. Retry later.');
    }
    this.requests++;
    this.bytes += initial;
    let held = initial;
    let released = false;
    return {
      reserve: (bytes: number) => {
        if (released || bytes <= held) return;
        const extra = bytes - held;
        if (this.requests > 1 && this.bytes + extra > this.maxBytes) {
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
      },
    };
  }
}
