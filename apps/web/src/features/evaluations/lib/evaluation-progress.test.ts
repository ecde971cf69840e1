import { describe, expect, it } from 'vitest';
import { evaluationProgress, isActive, winRate } from './evaluation-progress';

describe('evaluation progress', () => {
  it('gives item and spend fractions, clamped', () => {
    expect(evaluationProgress({ status: 'running', items: 10, itemsDone: 3, spentUsd: '0.5', spendCapUsd: '2' })).toEqual({ items: 0.3, spend: 0.25 });
    expect(evaluationProgress({ status: 'capped', items: 0, itemsDone: 0, spentUsd: '3', spendCapUsd: '2' })).toEqual({ items: 0, spend: 1 });
  });
  it('polls only while queued or running, and counts ties half', () => {
    expect(['queued', 'running', 'completed', 'capped'].map(isActive)).toEqual([true, true, false, false]);
    expect(winRate({ wins: 5, ties: 3, losses: 2 })).toBe(65);
  });
});
