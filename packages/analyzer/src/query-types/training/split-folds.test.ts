import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedFolds, stratifiedFolds } from './split-folds.ts';

describe('groupedFolds', () => {
  it('never splits a group across folds, and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { minLength: 1, maxLength: 60 }), (groups) => {
        const folds = groupedFolds(groups, 3, 1);
        const foldOf = new Map<string, number>();
        groups.forEach((g, i) => {
          expect(foldOf.get(g) ?? folds[i]).toBe(folds[i]);
          foldOf.set(g, folds[i] as number);
        });
        expect(groupedFolds(groups, 3, 1)).toEqual(folds);
      }),
      { seed: 3 },
    );
  });

  it('balances fold sizes', () => {
    const groups = Array.from({ length: 100 }, (_, i) => `g${i % 20}`);
    const folds = groupedFolds(groups, 5, 1);
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(sizes).toEqual([20, 20, 20, 20, 20]);
  });
});

describe('stratifiedFolds', () => {
  it('spreads each label evenly', () => {
    const labels = [...Array(10).fill('x'), ...Array(5).fill('y')] as string[];
    const folds = stratifiedFolds(labels, 5, 1);
    for (const f of [0, 1, 2, 3, 4]) {
      expect(labels.filter((l, i) => l === 'x' && folds[i] === f)).toHaveLength(2);
    }
    expect(stratifiedFolds(labels, 5, 1)).toEqual(folds);
  });
});
