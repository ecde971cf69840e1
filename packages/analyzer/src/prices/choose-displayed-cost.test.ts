import { describe, expect, it } from 'vitest';
import { chooseDisplayedCost } from './choose-displayed-cost.ts';

describe('chooseDisplayedCost', () => {
  it('shows the computed cost when priced', () => {
    expect(chooseDisplayedCost({ computedUsd: '0.0035', reportedUsd: '0.0035000000' })).toEqual({
      usd: '0.0035',
      source: 'computed',
      differenceUsd: '0',
      disagree: false,
    });
  });

  it('falls back to the reported cost when unpriced', () => {
    expect(chooseDisplayedCost({ computedUsd: null, reportedUsd: '0.12' })).toMatchObject({ usd: '0.12', source: 'reported' });
  });

  it('shows nothing, not $0, when neither exists', () => {
    expect(chooseDisplayedCost({ computedUsd: null, reportedUsd: null })).toMatchObject({ usd: null, source: 'none' });
  });

  it('flags costs that disagree by more than 5%', () => {
    expect(chooseDisplayedCost({ computedUsd: '1.00', reportedUsd: '1.04' }).disagree).toBe(false);
    expect(chooseDisplayedCost({ computedUsd: '1.00', reportedUsd: '0.90' })).toMatchObject({
      disagree: true,
      differenceUsd: '-0.1',
    });
    expect(chooseDisplayedCost({ computedUsd: '0.0000001', reportedUsd: '0.0000002' }).disagree).toBe(false);
  });
});
