import { describe, expect, it } from 'vitest';
import { buildFeatureEvidence, type EvalOutcome } from './build-feature-evidence.ts';
import { ZFeatureEvidence } from './findings-options.ts';

// Per feature: n items; the reference right on `strong` of them, the other model on `weak`, paired in order.
function outcomes(features: Record<string, { n: number; strong: number; weak: number }>): EvalOutcome[] {
  return Object.entries(features).flatMap(([feature, { n, strong, weak }]) =>
    Array.from({ length: n }, (_, i) => [
      { queryType: 'expert_qa' as const, feature, itemId: `${feature}/${i}`, model: 'big', correct: i < strong },
      { queryType: 'expert_qa' as const, feature, itemId: `${feature}/${i}`, model: 'small', correct: i < weak },
    ]).flat(),
  );
}
const options = { reference: 'big', benchmark: 'our eval', source: 'eval run 12', date: '2026-11' };
const data = outcomes({ law: { n: 400, strong: 300, weak: 200 }, history: { n: 400, strong: 320, weak: 300 }, tiny: { n: 10, strong: 5, weak: 9 } });
const point = (evidence: ReturnType<typeof buildFeatureEvidence>, feature: string, model: string) =>
  evidence.find((e) => e.feature === feature && e.model === model)?.evidence.score.point;

describe('buildFeatureEvidence', () => {
  it('scores the reference by its accuracy and, unshrunk, the others by theirs', () => {
    const evidence = buildFeatureEvidence(data, { ...options, shrink: false });
    expect(evidence).toHaveLength(6);
    for (const item of evidence) expect(ZFeatureEvidence.parse(item)).toEqual(item);
    expect(point(evidence, 'law', 'big')).toBe(75);
    expect(point(evidence, 'law', 'small')).toBe(50);
    expect(point(evidence, 'tiny', 'small')).toBe(90);
  });

  it('pulls small features toward the query type’s difference, large ones barely', () => {
    // Five large features 10 points apart, and one of 10 items where the small model looked 40 points better.
    const many = outcomes({
      a: { n: 400, strong: 320, weak: 280 },
      b: { n: 400, strong: 320, weak: 300 },
      c: { n: 400, strong: 320, weak: 260 },
      d: { n: 400, strong: 320, weak: 290 },
      e: { n: 400, strong: 320, weak: 270 },
      tiny: { n: 10, strong: 5, weak: 9 },
    });
    const evidence = buildFeatureEvidence(many, options);
    expect(point(evidence, 'tiny', 'big')).toBe(50);
    expect(point(evidence, 'tiny', 'small')!).toBeLessThan(60); // 90 unshrunk
    expect(point(evidence, 'b', 'small')!).toBeGreaterThan(73); // 75 unshrunk, the pool is about 70
    expect(point(evidence, 'c', 'small')!).toBeLessThan(67); // 65 unshrunk
  });
});
