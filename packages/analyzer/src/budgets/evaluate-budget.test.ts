import { describe, expect, it } from 'vitest';
import { evaluateBudget } from './evaluate-budget.ts';

describe('evaluateBudget', () => {
  it('reaches thresholds on actual spend first, else on the forecast', () => {
    const s = evaluateBudget({ limitUsd: 1000, actualUsd: 620, forecastUsd: 1150 });
    expect(s.actualPercent).toBeCloseTo(62);
    expect(s.forecastPercent).toBeCloseTo(115);
    expect(s.crossings).toEqual([
      { threshold: 50, basis: 'actual' },
      { threshold: 80, basis: 'forecast' },
      { threshold: 100, basis: 'forecast' },
    ]);
  });

  it('uses its own thresholds, sorted and without repeats, and no forecast when none is known', () => {
    const s = evaluateBudget({ limitUsd: 10, thresholds: [90, 25, 90], actualUsd: 3 });
    expect(s.crossings).toEqual([{ threshold: 25, basis: 'actual' }]);
    expect(s.forecastPercent).toBeNull();
  });

  it('refuses a limit that is not a positive amount', () => {
    expect(() => evaluateBudget({ limitUsd: 0, actualUsd: 1 })).toThrow(/positive/);
  });
});
