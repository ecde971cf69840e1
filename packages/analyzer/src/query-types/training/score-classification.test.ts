import { describe, expect, it } from 'vitest';
import { scoreClassification } from './score-classification.ts';

describe('scoreClassification', () => {
  it('computes per-class P/R/F1, macro-F1 and the confusion matrix', () => {
    const s = scoreClassification(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'unknown'], ['a', 'b']);
    expect(s.perClass[0]).toMatchObject({ label: 'a', support: 2, precision: 1, recall: 0.5 });
    expect(s.perClass[1]).toMatchObject({ label: 'b', support: 2, precision: 0.5, recall: 0.5 });
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0.5) / 2);
    expect(s.accuracy).toBe(0.5);
    expect(s.predictionLabels).toEqual(['a', 'b', 'unknown']);
    expect(s.confusion).toEqual([[1, 1, 0], [0, 1, 1]]);
  });
});
