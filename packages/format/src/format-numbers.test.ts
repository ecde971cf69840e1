import { describe, expect, it } from 'vitest';
import { formatChange, formatChangeVsLastWeek, formatMonthly, formatSpend, formatTokens, formatUsd } from './format-numbers.ts';

describe('one rule for money, changes and tokens', () => {
  it('formats USD with cents from $1 up, up to four decimals below, two significant digits under a hundredth of a cent', () => {
    expect(['1234.5', '1', '0', '0.4213', '0.0228', '0.5', '0.00004567', '-2.5'].map((d) => formatUsd(d))).toEqual([
      '$1,234.50', '$1.00', '$0.00', '$0.4213', '$0.0228', '$0.50', '$0.000046', '-$2.50',
    ]);
    expect(formatMonthly('1240.4')).toBe('$1,240/mo');
    expect(formatMonthly('63.921')).toBe('$63.92/mo');
    expect(formatSpend({ costUsd: '0', calls: 3, unpricedCalls: 3 })).toBe('unpriced');
  });

  it('formats a change signed, "±" for none, and "new" when there is nothing to compare with', () => {
    expect([0.125, -0.03, 0, null, Number.POSITIVE_INFINITY].map(formatChange)).toEqual(['+12.5%', '−3.0%', '±0.0%', 'new', 'new']);
    expect(formatChangeVsLastWeek(null)).toBe('new this week');
    expect(formatChangeVsLastWeek(0.5)).toBe('+50.0% vs last week');
  });

  it('formats tokens exactly below a thousand and compactly above', () => {
    expect([850, 12_345, 2_500_000].map(formatTokens)).toEqual(['850 tok', '12.3K tok', '2.5M tok']);
  });
});
