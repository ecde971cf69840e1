import { describe, expect, it } from 'vitest';
import { pickCorrection, type ActiveCorrection } from './query-type-correction.ts';
import { instructionRegion, promptTemplateFingerprint } from './prompt-template-fingerprint.ts';
import { inheritTemplateQueryType, templateMajority } from './template-query-type.ts';

describe('promptTemplateFingerprint', () => {
  const system = 'You are the order desk assistant. Answer the agent in one short paragraph.';

  it('is the same for one system prompt with different payloads, and differs for another system prompt', () => {
    const a = promptTemplateFingerprint({ system, lastUser: 'Where is order 4471?' });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(promptTemplateFingerprint({ system, lastUser: 'Refund for Jane please' })).toBe(a);
    expect(promptTemplateFingerprint(`${system}\n\nWhere is order 4471?`)).toBe(a);
    expect(promptTemplateFingerprint({ system: 'You are a translator. Translate the text into French.', lastUser: 'x' })).not.toBe(a);
  });

  it('ignores digits, quoted strings, URLs, case and spacing inside the instructions', () => {
    const a = promptTemplateFingerprint({ system: 'Customer 1234 wrote on 2026-01-02 about "Blue Kettle". See https://shop.example/a?b=1 for details.' });
    const b = promptTemplateFingerprint({ system: 'customer 98   wrote on 2025-12-31 about "Red Mug".  See https://shop.example/zz for details.' });
    expect(a).toBe(b);
  });

  it('uses the instruction region of a prompt without a system part, and none for short generic text', () => {
    expect(instructionRegion('Summarise the following support ticket in two sentences:\nThe app crashes…')).toBe('Summarise the following support ticket in two sentences:');
    const a = promptTemplateFingerprint('Summarise the following support ticket in two sentences:\nThe app crashes on login.');
    expect(promptTemplateFingerprint('Summarise the following support ticket in two sentences:\nBilling is wrong.')).toBe(a);
    expect(promptTemplateFingerprint('hi')).toBeNull();
    expect(promptTemplateFingerprint('')).toBeNull();
    expect(promptTemplateFingerprint(null)).toBeNull();
  });
});

describe('template majority', () => {
  const votes = new Map([['extraction', 4], ['summarization', 1]]);

  it('lends a clear majority to a weak call only', () => {
    expect(templateMajority(votes)).toEqual({ queryType: 'extraction', share: 0.8, votes: 5 });
    expect(inheritTemplateQueryType({ queryType: 'unknown', source: 'classifier', confidence: 0.3 }, votes)).toEqual({ queryType: 'extraction', source: 'template', confidence: 0.8 });
    expect(inheritTemplateQueryType({ queryType: 'coding', source: 'classifier', confidence: 0.9 }, votes)).toEqual({ queryType: 'coding', source: 'classifier', confidence: 0.9 });
    expect(inheritTemplateQueryType({ queryType: 'unknown', source: 'hint', confidence: 1 }, votes).source).toBe('hint');
  });

  it('lends nothing with too few votes or no clear majority', () => {
    expect(templateMajority(new Map([['extraction', 2]]))).toBeNull();
    expect(templateMajority(new Map([['extraction', 3], ['coding', 3]]))).toBeNull();
    expect(templateMajority(undefined)).toBeNull();
  });
});

describe('pickCorrection', () => {
  const call = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), feature: 'search', templateFingerprint: 'c'.repeat(16) };
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
  const feature: ActiveCorrection = { target: { scope: 'feature', feature: 'search' }, queryType: 'coding', createdAt: at(3) };
  const template: ActiveCorrection = { target: { scope: 'template', feature: 'search', fingerprint: 'c'.repeat(16) }, queryType: 'extraction', createdAt: at(1) };
  const one: ActiveCorrection = { target: { scope: 'call', traceId: call.traceId, spanId: call.spanId }, queryType: 'translation', createdAt: at(0) };

  it('prefers the call’s own, then its template’s, then its feature’s, the latest among equals', () => {
    expect(pickCorrection([feature, template, one], call)).toBe(one);
    expect(pickCorrection([feature, template], call)).toBe(template);
    const later = { ...feature, queryType: 'summarization' as const, createdAt: at(9) };
    expect(pickCorrection([feature, later], call)).toBe(later);
    expect(pickCorrection([template], { ...call, feature: 'other' })).toBeNull();
    expect(pickCorrection([feature], { ...call, feature: null })).toBeNull();
  });
});
