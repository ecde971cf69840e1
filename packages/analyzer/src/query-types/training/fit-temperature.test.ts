import { describe, expect, it } from 'vitest';
import { fitTemperature, meanNegativeLogLikelihood } from './fit-temperature.ts';

describe('fitTemperature', () => {
  it('softens overconfident scores: a model right only 60% of the time at logit gap 2 gets T > 1', () => {
    const logits = Array.from({ length: 100 }, () => [2, 0, 0]);
    const targets = Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : 1 + (i % 2)));
    const t = fitTemperature(logits, targets);
    expect(t).toBeGreaterThan(1);
    // At the fitted T the probability of the top class is close to its accuracy.
    const p = 1 / (1 + 2 * Math.exp(-2 / t));
    expect(Math.abs(p - 0.6)).toBeLessThan(0.02);
    expect(meanNegativeLogLikelihood(logits, targets, t)).toBeLessThan(meanNegativeLogLikelihood(logits, targets, 1));
  });

  it('sharpens underconfident scores: always right at logit gap 0.5 gets T < 1', () => {
    const logits = Array.from({ length: 50 }, () => [0.5, 0, 0]);
    expect(fitTemperature(logits, logits.map(() => 0))).toBeLessThan(1);
  });

  it('is deterministic and rejects mismatched inputs', () => {
    const logits = [[1, 0], [0, 2], [3, 1]];
    expect(fitTemperature(logits, [0, 1, 1])).toBe(fitTemperature(logits, [0, 1, 1]));
    expect(() => fitTemperature(logits, [0])).toThrow();
  });
});
