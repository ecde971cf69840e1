import { describe, expect, it } from 'vitest';
import { formatCostUsd } from './format-cost.ts';

describe('formatCostUsd', () => {
  it('writes plain decimals', () => {
    expect(formatCostUsd(0.00000015)).toBe('0.00000015');
    expect(formatCostUsd(0.1 + 0.2)).toBe('0.3');
    expect(formatCostUsd(12)).toBe('12');
    expect(formatCostUsd('0.0042')).toBe('0.0042');
    expect(formatCostUsd(0)).toBe('0');
  });

  it('refuses missing, negative and non-numeric costs', () => {
    expect(formatCostUsd(undefined)).toBeNull();
    expect(formatCostUsd(-1)).toBeNull();
    expect(formatCostUsd('abc')).toBeNull();
    expect(formatCostUsd(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
