import { describe, expect, it } from 'vitest';
import { readRouting } from './read-routing.ts';
import { makeSpan } from './test-support/make-span.ts';

const read = (attributes: Record<string, string | number | boolean>) => readRouting(makeSpan({ attributes }));

describe('readRouting', () => {
  it('reads a routed call, a control call and a shadowed one', () => {
    expect(read({ 'tierlens.routing.rule_id': 'r1', 'tierlens.routing.mode': 'enforce', 'tierlens.routing.original_model': 'o3' })).toEqual({ ruleId: 'r1', mode: 'enforce', originalModel: 'o3', control: null });
    expect(read({ 'tierlens.routing.rule_id': 'r1', 'tierlens.routing.mode': 'canary', 'tierlens.routing.control': true, 'tierlens.routing.would_use': 'gpt-5-mini' })).toEqual({ ruleId: 'r1', mode: 'canary', originalModel: null, control: true });
    expect(read({ 'tierlens.routing.rule_id': 'r1', 'tierlens.routing.mode': 'canary', 'tierlens.routing.original_model': 'o3' })).toEqual({ ruleId: 'r1', mode: 'canary', originalModel: 'o3', control: false });
    expect(read({ 'tierlens.routing.rule_id': 'r1', 'tierlens.routing.mode': 'shadow', 'tierlens.routing.would_use': 'gpt-5-mini' })).toEqual({ ruleId: 'r1', mode: 'shadow', originalModel: null, control: null });
  });

  it('ignores attributes that do not make sense together', () => {
    expect(read({})).toBeNull();
    expect(read({ 'tierlens.routing.mode': 'enforce' })).toBeNull();
    expect(read({ 'tierlens.routing.rule_id': 'r1', 'tierlens.routing.mode': 'sometimes' })).toBeNull();
    expect(read({ 'tierlens.routing.rule_id': 'x'.repeat(501), 'tierlens.routing.mode': 'enforce' })).toBeNull();
    // A control or shadowed call was not rewritten, whatever else it carries.
    expect(read({ 'tierlens.routing.rule_id': 'r1', 'tierlens.routing.mode': 'shadow', 'tierlens.routing.original_model': 'o3' })?.originalModel).toBeNull();
    expect(read({ 'tierlens.routing.rule_id': 'r1', 'tierlens.routing.mode': 'canary', 'tierlens.routing.control': true, 'tierlens.routing.original_model': 'o3' })?.originalModel).toBeNull();
  });
});
