import { z } from 'zod';

/** A rule's mode as the Rules page sets it: `canaryShare` exactly when the mode is canary. */
export const ZRuleModeSetting = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('off') }),
  z.object({ mode: z.literal('shadow') }),
  z.object({ mode: z.literal('canary'), canaryShare: z.number().gt(0).lt(1) }),
  z.object({ mode: z.literal('enforce') }),
]);
export type RuleModeSetting = z.infer<typeof ZRuleModeSetting>;

/**
 * The ladder a rule climbs on the Rules page: measure first (shadow), then a small canary, a
 * half canary, then everywhere. Step up and step down move one rung.
 */
export const RULE_MODE_STEPS: readonly RuleModeSetting[] = [
  { mode: 'off' },
  { mode: 'shadow' },
  { mode: 'canary', canaryShare: 0.1 },
  { mode: 'canary', canaryShare: 0.5 },
  { mode: 'enforce' },
];

/** The rung a rule is on (a canary share between rungs counts as the rung below it). */
export function stepIndex(mode: string, canaryShare: number | null): number {
  if (mode === 'canary') {
    let index = 2;
    RULE_MODE_STEPS.forEach((s, i) => {
      if (s.mode === 'canary' && (canaryShare ?? 0) >= s.canaryShare) index = i;
    });
    return index;
  }
  const i = RULE_MODE_STEPS.findIndex((s) => s.mode === mode);
  return i < 0 ? 0 : i;
}

/** The setting one rung up or down, or null at the ends. */
export function stepFrom(mode: string, canaryShare: number | null, direction: 'up' | 'down'): RuleModeSetting | null {
  const next = stepIndex(mode, canaryShare) + (direction === 'up' ? 1 : -1);
  return RULE_MODE_STEPS[next] ?? null;
}

/** How the page names a mode: off, shadow, canary 10 %, enforced. */
export function modeLabel(setting: { mode: string; canaryShare?: number | null }): string {
  if (setting.mode === 'canary') return `canary ${Math.round((setting.canaryShare ?? 0) * 100)} %`;
  return setting.mode === 'enforce' ? 'enforced' : setting.mode;
}
