import { describe, expect, it } from 'vitest';
import { classifyPrompt } from './classify-prompt.ts';
import { ZClassifyRecordInput, classifyRecord } from './classify-record.ts';

describe('classifyRecord', () => {
  it('echoes the id and classifies the prompt', () => {
    const prompt = 'Translate "thank you very much" into Spanish.';
    expect(classifyRecord({ id: 'call-1', prompt })).toEqual({ id: 'call-1', ...classifyPrompt(prompt) });
  });

  it('accepts a system + last user prompt and numeric ids', () => {
    const record = ZClassifyRecordInput.parse(JSON.parse('{"id": 7, "prompt": {"system": "You write SQL.", "lastUser": "List all users older than 30."}}'));
    expect(classifyRecord(record).id).toBe(7);
  });

  it('rejects records without a prompt', () => {
    expect(ZClassifyRecordInput.safeParse({ id: 'x' }).success).toBe(false);
  });
});
