import { describe, expect, it } from 'vitest';
import { isTrainingOnlySource, sourceGroupOf } from './source-group.ts';

describe('sourceGroupOf', () => {
  it('groups NI rows by task, whichever repository they were read from', () => {
    expect(sourceGroupOf('circle-hit/SAPT:CL_Benchmark/SuperNI/task1572_samsum_summary/train.json#task1572-ab')).toEqual({
      dataset: 'super-natural-instructions',
      group: 'ni-task1572',
    });
    expect(sourceGroupOf('google-research/FLAN:flan/v2/constants_niv2.py#task077_splash_explanation_to_sql').group).toBe('ni-task77');
  });

  it('groups benchmark rows by benchmark', () => {
    expect(sourceGroupOf('lm-sys/RouteLLM:routellm/evals/mt_bench/question.jsonl#111').group).toBe('mt-bench');
    expect(sourceGroupOf('lm-sys/RouteLLM:routellm/evals/mmlu/responses/mmlu_college_physics.csv#3').group).toBe('mmlu');
    expect(sourceGroupOf('lm-sys/RouteLLM:routellm/evals/gsm8k/gsm8k_responses.csv#9').group).toBe('gsm8k');
    expect(sourceGroupOf('OckBench/OckBench:data/mbpp.jsonl#12').group).toBe('mbpp');
    expect(sourceGroupOf('teknium1/GPTeacher:Roleplay/roleplay-simple-deduped-roleplay-instruct.json#7')).toEqual({
      dataset: 'gpteacher',
      group: 'gpteacher-roleplay',
    });
    expect(sourceGroupOf('teknium1/GPTeacher:Codegen/codegen-instruct.json#9').group).toBe('gpteacher-codegen');
  });
});

describe('authored prompts', () => {
  it('are training-only groups, one per authored file and language', () => {
    expect(sourceGroupOf('tierlens-authored')).toEqual({ dataset: 'tierlens-authored', group: 'tierlens-authored' });
    expect(sourceGroupOf('tierlens-authored:multilingual-zh')).toEqual({
      dataset: 'tierlens-authored',
      group: 'tierlens-authored:multilingual-zh',
    });
    expect(isTrainingOnlySource('tierlens-authored')).toBe(true);
    expect(isTrainingOnlySource('tierlens-authored:multilingual-ja')).toBe(true);
    expect(isTrainingOnlySource('lm-sys/RouteLLM:routellm/evals/mt_bench/question.jsonl#111')).toBe(false);
  });
});
