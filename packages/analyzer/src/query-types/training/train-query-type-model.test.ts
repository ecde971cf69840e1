import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeQueryTypeModel } from '../query-type-model.ts';
import { SHIPPED_QUERY_TYPE_MODEL } from '../shipped-query-type-model.ts';
import { parseTaskPromptRows } from './task-prompt-row.ts';
import { DEFAULT_TRAINING_OPTIONS, trainQueryTypeModel } from './train-query-type-model.ts';
import { toTrainingData } from './training-data.ts';

const devFile = fileURLToPath(new URL('../../../data/task-prompts/dev.jsonl', import.meta.url));
const authoredFile = fileURLToPath(new URL('../../../data/authored-prompts/authored.jsonl', import.meta.url));
const raw = readFileSync(devFile, 'utf8');
const authoredRaw = readFileSync(authoredFile, 'utf8');
const examples = toTrainingData([...parseTaskPromptRows(raw), ...parseTaskPromptRows(authoredRaw)]).all;

describe('trainQueryTypeModel', () => {
  it('gives identical weights for identical input', () => {
    const subset = examples.filter((_, i) => i % 10 === 0);
    const options = { epochs: 3, dims: 2 ** 12 };
    const a = trainQueryTypeModel(subset, options);
    const b = trainQueryTypeModel(subset, options);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect([...a.bias]).toEqual([...b.bias]);
  });

  it('reproduces the shipped model from the committed data', { timeout: 120_000 }, () => {
    expect(SHIPPED_QUERY_TYPE_MODEL.training['dataSha256']).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(SHIPPED_QUERY_TYPE_MODEL.training['authoredSha256']).toBe(createHash('sha256').update(authoredRaw).digest('hex'));
    expect(SHIPPED_QUERY_TYPE_MODEL.training['options']).toBe(JSON.stringify(DEFAULT_TRAINING_OPTIONS));
    const retrained = encodeQueryTypeModel(trainQueryTypeModel(examples), SHIPPED_QUERY_TYPE_MODEL.training);
    // If this fails, features or training changed: run `npx tsx packages/analyzer/scripts/train-classifier.ts`.
    expect(retrained).toEqual(SHIPPED_QUERY_TYPE_MODEL);
  });
});
