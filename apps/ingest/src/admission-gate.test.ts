import { describe, expect, it } from 'vitest';
import { AdmissionGate } from './admission-gate.ts';
import { OverloadedError } from './write-gate.ts';

describe('AdmissionGate', () => {
  it('refuses a request beyond the count, and admits again once one is released', () => {
    const gate = new AdmissionGate(2, 1_000_000);
    const a = gate.admit(10);
    gate.admit(10);
    expect(() => gate.admit(10)).toThrow(OverloadedError);
    a.release();
    a.release(); // idempotent
    expect(gate.load).toEqual({ requests: 1, bytes: 10 });
    expect(() => gate.admit(10)).not.toThrow();
  });

  it('refuses bytes beyond the budget, but admits a large request when it is alone', () => {
    const gate = new AdmissionGate(10, 100);
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
    expect(gate.load).toEqual({ requests: 0, bytes: 0 });
  });
});
