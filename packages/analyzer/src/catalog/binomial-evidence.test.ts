import { describe, expect, it } from 'vitest';
import { EVIDENCE_SOURCES } from './evidence-sources.ts';
import { binomialEvidence, wilsonInterval } from './binomial-evidence.ts';

describe('wilsonInterval', () => {
  it('matches known Wilson 95% intervals', () => {
    expect(wilsonInterval(70.6, 500)).toEqual({ low: 66.5, high: 74.4 });
    expect(wilsonInterval(91.3, 198)).toEqual({ low: 86.5, high: 94.5 });
    expect(wilsonInterval(50, 30)).toEqual({ low: 33.2, high: 66.8 });
  });

  it('stays inside [0, 100] at the extremes', () => {
    expect(wilsonInterval(0, 30).low).toBe(0);
    expect(wilsonInterval(100, 30).high).toBe(100);
  });

  it('narrows as the sample grows', () => {
    const small = wilsonInterval(60, 30);
    const large = wilsonInterval(60, 3000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe('binomialEvidence', () => {
  it('keeps the headline point inside its range and says how the range was made', () => {
    const evidence = binomialEvidence({ benchmark: 'GPQA Diamond', percent: 91.3, n: 198, citation: EVIDENCE_SOURCES.opus46Announcement, date: '2026-02' });
    expect(evidence).toMatchObject({ score: { low: 86.5, high: 94.5, point: 91.3 }, sampleSize: 198, method: 'Wilson 95% interval, n=198' });
  });
});
