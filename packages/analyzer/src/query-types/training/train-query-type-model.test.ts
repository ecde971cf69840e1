import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeQueryTypeModel } from '../query-type-model.ts';
import { SHIPPED_QUERY_TYPE_MODEL } from '../shipped-query-type-model.ts';
import { parseTaskPromptRows } from './task-prompt-row.ts';
import { DEFAULT_TRAINING_OPTIONS, trainQueryTypeModel } from './train-query-type-model.ts';
import { toTrainingData } from './training-data.ts';

// The files scripts/train-classifier.ts trains on (TRAINING_FILES there), relative to packages/analyzer.
const files = [
  'data/task-prompts/dev.jsonl',
  'data/public-prompts/gpteacher.jsonl',
  'data/authored-prompts/authored.jsonl',
  'data/authored-prompts/multilingual.jsonl',
];
const raws = files.map((file) => readFileSync(fileURLToPath(new URL(`../../../${file}`, import.meta.url)), 'utf8'));
const examples = toTrainingData(raws.flatMap((raw) => parseTaskPromptRows(raw))).all;

describe('trainQueryTypeModel', () => {
  it('gives identical weights for identical input', () => {
    const subset = examples.filter((_, i) => i % 10 === 0);
    const options = { epochs: 3, dims: 2 ** 12 };
    const a = trainQueryTypeModel(subset, options);
    const b = trainQueryTypeModel(subset, options);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect([...a.bias]).toEqual([...b.bias]);
  });

  // The temperature is fitted by a five-fold cross-validation in the script (a minute or more);
  // here the recorded one is reused, and `train-classifier.ts --check` reruns the whole thing.
  it('reproduces the shipped model from the committed data', { timeout: 120_000 }, () => {
    expect(JSON.parse(String(SHIPPED_QUERY_TYPE_MODEL.training['files']))).toEqual(files);
    const sha256 = JSON.parse(String(SHIPPED_QUERY_TYPE_MODEL.training['sha256'])) as Record<string, string>;
    files.forEach((file, i) => expect(sha256[file], file).toBe(createHash('sha256').update(raws[i]!).digest('hex')));
    const { temperature } = SHIPPED_QUERY_TYPE_MODEL;
    expect(SHIPPED_QUERY_TYPE_MODEL.training['options']).toBe(JSON.stringify({ ...DEFAULT_TRAINING_OPTIONS, temperature }));
    const trained = trainQueryTypeModel(examples, { ...DEFAULT_TRAINING_OPTIONS, temperature });
    const retrained = encodeQueryTypeModel(trained, SHIPPED_QUERY_TYPE_MODEL.training);
    // If this fails, features or training changed: run `npx tsx packages/analyzer/scripts/train-classifier.ts`.
    expect(retrained).toEqual(SHIPPED_QUERY_TYPE_MODEL);
  });
});
