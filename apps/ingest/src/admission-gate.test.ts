import { describe, expect, it } from 'vitest';
import { AdmissionGate } from './admission-gate.ts';
import { OverloadedError } from './write-gate.ts';

describe('AdmissionGate', () => {
  it('refuses a request beyond the count, and admits again once one is released', () => {
    const gate = new AdmissionGate({ maxRequests: 2, maxBytes: 1_000_000, targetLatencyMs: 60_000 });
    const a = gate.admit(10);
    gate.admit(10);
    expect(() => gate.admit(10)).toThrow(OverloadedError);
    a.release();
    a.release(); // idempotent
    expect(gate.load).toMatchObject({ requests: 1, bytes: 10 });
    expect(() => gate.admit(10)).not.toThrow();
  });

  it('refuses bytes beyond the budget, but admits a large request when it is alone', () => {
    const gate = new AdmissionGate({ maxRequests: 10, maxBytes: 100, targetLatencyMs: 60_000 });
    const big = gate.admit(500);
    expect(() => gate.admit(1)).toThrow(/too many request bodies/);
    big.release();
    const a = gate.admit(60);
    expect(() => gate.admit(60)).toThrow(OverloadedError);
    a.reserve(90); // grows while alone
    const b = gate.admit(5);
    expect(() => a.reserve(99)).toThrow(/too many request bytes/);
    b.release();
    a.release();
    expect(gate.load).toMatchObject({ requests: 0, bytes: 0 });
  });

  it('admits fewer at once after slow answers, and more again after fast ones', async () => {
    const gate = new AdmissionGate({ maxRequests: 8, maxBytes: 1e9, targetLatencyMs: 20 });
    expect(gate.load.limit).toBe(4);
    const slow = [gate.admit(1), gate.admit(1), gate.admit(1), gate.admit(1)];
    await new Promise((r) => setTimeout(r, 30));
    for (const t of slow) t.release();
    expect(gate.load.limit).toBe(2);
    for (let i = 0; i < 6; i++) {
      const a = gate.admit(1);
      const b = gate.load.limit > 1 ? gate.admit(1) : null;
      a.release();
      b?.release();
    }
    expect(gate.load.limit).toBeGreaterThan(2);
  });
});
