import { describe, expect, it } from 'vitest';
import { combineOrders, exactMatchOutcome, judgePrompt, parseVerdict, rubricFor } from './judge-pair.ts';
import { scoreEvaluation } from './score-evaluation.ts';

describe('judging a pair', () => {
  it('counts a win only when the orders do not contradict each other', () => {
    expect(combineOrders('A', 'B')).toBe('win');
    expect(combineOrders('A', 'tie')).toBe('win');
    expect(combineOrders('B', 'A')).toBe('loss');
    expect(combineOrders('A', 'A')).toBe('tie'); // position bias: always the first answer
    expect(combineOrders('tie', 'tie')).toBe('tie');
  });

  it('reads the judge’s JSON and rejects answers without a winner', () => {
    expect(parseVerdict('{"winner":"B","reason":"x"}')).toBe('B');
    expect(parseVerdict('Sure. {"winner": "tie"}')).toBe('tie');
    expect(() => parseVerdict('I cannot decide')).toThrow(/no winner/);
  });

  it('puts the query type’s rubric and both answers in the prompt', () => {
    const p = judgePrompt('summarization', { messages: [{ role: 'user', content: 'Summarize: x' }] }, 'one', 'two');
    expect(p.messages[0]!.content).toContain(rubricFor('summarization'));
    expect(p.messages[0]!.content).toMatch(/<answer_A>\none\n<\/answer_A>[\s\S]*<answer_B>\ntwo\n/);
  });

  it('scores exact matches against the reference, JSON structurally', () => {
    expect(exactMatchOutcome('{"a":1,"b":"X"}', '{"a":2}', '{ "b": "x", "a": 1 }')).toBe('win');
    expect(exactMatchOutcome('positive', 'Positive.', 'negative')).toBe('loss');
    expect(exactMatchOutcome('positive', 'neutral', 'negative')).toBe('tie');
  });
});

describe('scoreEvaluation', () => {
  it('gives win/tie/loss, the mean difference with its interval and exact mean costs', () => {
    const item = (outcome: 'win' | 'tie' | 'loss') => ({ outcome, currentCostUsd: '0.0105', candidateCostUsd: '0.00063' });
    const r = scoreEvaluation([item('win'), item('win'), item('tie'), item('loss')], { currentModel: 'a', candidateModel: 'b', method: 'm', date: '2026-12-04' });
    expect([r.wins, r.ties, r.losses]).toEqual([2, 1, 1]);
    // diffs 1, 1, 0, -1: mean 0.25, sd 0.9574, half-width 1.96 × 0.9574 / 2 = 0.9383
    expect(r.scoreDiff).toEqual({ low: -68.83, point: 25, high: 100 });
    expect(r.costPerTaskUsd).toEqual({ current: '0.0105', candidate: '0.00063' });
  });
});
