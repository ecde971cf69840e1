import { z } from 'zod';
import { ZQueryType } from '../query-types/query-type.ts';

/** What a person's correction applies to: every call of a feature, of a template (feature × fingerprint), or one call. */
export const ZCorrectionTarget = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('feature'), feature: z.string().min(1).max(200) }),
  z.object({ scope: z.literal('template'), feature: z.string().max(200).nullable(), fingerprint: z.string().regex(/^[0-9a-f]{16}$/) }),
  z.object({ scope: z.literal('call'), traceId: z.string().regex(/^[0-9a-f]{32}$/), spanId: z.string().regex(/^[0-9a-f]{16}$/) }),
]);
export type CorrectionTarget = z.infer<typeof ZCorrectionTarget>;

/** A correction in force: its target and the query type it sets. */
export const ZActiveCorrection = z.object({ target: ZCorrectionTarget, queryType: ZQueryType, createdAt: z.date() });
export type ActiveCorrection = z.infer<typeof ZActiveCorrection>;

/** The call facts a correction is matched against. */
export interface CorrectableCall {
  readonly traceId: string;
  readonly spanId: string;
  readonly feature: string | null;
  readonly templateFingerprint: string | null;
}

const SCOPE_RANK = { call: 0, template: 1, feature: 2 } as const;

/** Whether `correction` names `call` (a template correction matches the template within its feature). */
export function correctionMatches(target: CorrectionTarget, call: CorrectableCall): boolean {
  switch (target.scope) {
    case 'call':
      return target.traceId === call.traceId && target.spanId === call.spanId;
    case 'template':
      return call.templateFingerprint === target.fingerprint && (call.feature ?? '') === (target.feature ?? '');
    case 'feature':
      return call.feature === target.feature;
  }
}

/**
 * The correction that decides a call's query type: the most specific that matches (a call's own
 * beats its template's, which beats its feature's), the latest among equals; null when none does.
 * The stored-call re-typing (`retypeStoredCalls` in @tierlens/db) applies the same order in SQL.
 */
export function pickCorrection(corrections: readonly ActiveCorrection[], call: CorrectableCall): ActiveCorrection | null {
  let best: ActiveCorrection | null = null;
  for (const c of corrections) {
    if (!correctionMatches(c.target, call)) continue;
    if (
      best === null ||
      SCOPE_RANK[c.target.scope] < SCOPE_RANK[best.target.scope] ||
      (SCOPE_RANK[c.target.scope] === SCOPE_RANK[best.target.scope] && c.createdAt > best.createdAt)
    ) {
      best = c;
    }
  }
  return best;
}
