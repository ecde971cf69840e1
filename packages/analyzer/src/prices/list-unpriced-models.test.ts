import { describe, expect, it } from 'vitest';
import { listUnpricedModels } from './list-unpriced-models.ts';

const at = new Date('2026-06-01T00:00:00Z');

describe('listUnpricedModels', () => {
  it('lists only unpriced models, merged by canonical provider, most calls first', () => {
    const rows = [
      { provider: 'openai', model: 'gpt-4o', calls: 1000 },
      { provider: 'Azure', model: 'prod-deployment', calls: 40 },
      { provider: 'azure.ai.openai', model: 'prod-deployment', calls: 2n },
      { provider: 'ollama', model: 'llama3.1:8b', calls: 7 },
      { provider: null, model: 'mystery-model', calls: 100 },
    ];
    expect(listUnpricedModels(rows, { at })).toEqual([
      expect.objectContaining({ provider: null, model: 'mystery-model', calls: 100, reason: 'unknown_model' }),
      expect.objectContaining({ provider: 'azure.ai.openai', model: 'prod-deployment', calls: 42, reason: 'unknown_model' }),
      expect.objectContaining({ provider: 'ollama', model: 'llama3.1:8b', calls: 7, reason: 'local_model' }),
    ]);
  });

  it('treats models with an override as priced', () => {
    const overrides = [
      { id: 'o', provider: null, model: 'mystery-model', inputPerMTok: '1', outputPerMTok: '1', effectiveFrom: new Date(0) },
    ];
    expect(listUnpricedModels([{ provider: null, model: 'mystery-model', calls: 3 }], { at, overrides })).toEqual([]);
  });
});
