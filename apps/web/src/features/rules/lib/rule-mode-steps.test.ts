import { describe, expect, it } from 'vitest';
import { modeLabel, stepFrom, stepIndex } from './rule-mode-steps';

describe('rule mode steps', () => {
  it('climbs off → shadow → canary 10 % → canary 50 % → enforced and back, stopping at the ends', () => {
    expect(stepFrom('off', null, 'up')).toEqual({ mode: 'shadow' });
    expect(stepFrom('shadow', null, 'up')).toEqual({ mode: 'canary', canaryShare: 0.1 });
    expect(stepFrom('canary', 0.1, 'up')).toEqual({ mode: 'canary', canaryShare: 0.5 });
    expect(stepFrom('canary', 0.5, 'up')).toEqual({ mode: 'enforce' });
    expect(stepFrom('enforce', null, 'up')).toBeNull();
    expect(stepFrom('enforce', null, 'down')).toEqual({ mode: 'canary', canaryShare: 0.5 });
    expect(stepFrom('off', null, 'down')).toBeNull();
    expect(stepIndex('canary', 0.3)).toBe(2);
    expect(modeLabel({ mode: 'canary', canaryShare: 0.25 })).toBe('canary 25 %');
    expect(modeLabel({ mode: 'enforce' })).toBe('enforced');
  });
});
