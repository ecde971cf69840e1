import { describe, expect, it } from 'vitest';
import { TEXT_QUERY_TYPES } from './query-type.ts';
import { decodeQueryTypeModel, encodeQueryTypeModel, type QueryTypeModel } from './query-type-model.ts';

const model: QueryTypeModel = {
  dims: 4,
  featureScales: { words: 1, chars: 1, head: 1, headCues: 0.5, dense: 0.5 },
  classes: TEXT_QUERY_TYPES,
  weights: Float32Array.from({ length: 4 * TEXT_QUERY_TYPES.length }, (_, i) => Math.sin(i) * 3),
  bias: Float64Array.from(TEXT_QUERY_TYPES, (_, i) => i / 10),
  temperature: 1.5,
};

describe('query-type model encoding', () => {
  it('round-trips within int8 precision', () => {
    const decoded = decodeQueryTypeModel(encodeQueryTypeModel(model, { note: 'test' }));
    expect(decoded.classes).toEqual(model.classes);
    expect([...decoded.bias]).toEqual([...model.bias]);
    expect(decoded.temperature).toBe(1.5);
    decoded.weights.forEach((w, i) => expect(Math.abs(w - (model.weights[i] as number))).toBeLessThan(3 / 127));
  });

  it('is deterministic', () => {
    expect(encodeQueryTypeModel(model, {})).toEqual(encodeQueryTypeModel(model, {}));
  });

  it('rejects malformed models', () => {
    const good = encodeQueryTypeModel(model, {});
    expect(() => decodeQueryTypeModel({ ...good, dims: 3 })).toThrow();
    expect(() => decodeQueryTypeModel({ ...good, weights: 'AAAA' })).toThrow();
    expect(() => decodeQueryTypeModel({ ...good, bias: [1] })).toThrow();
    expect(() => decodeQueryTypeModel({ ...good, temperature: 0 })).toThrow();
  });
});
