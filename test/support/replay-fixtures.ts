import { randomBytes } from 'node:crypto';
import type { CallRow } from '@tierlens/db';
import type { FakeAnswerRequest } from './fake-provider.ts';

/** How the scripted judge rules on a prompt, by the marker in it. `bias` always prefers answer A. */
export type ScriptedVerdict = 'win' | 'tie' | 'bias' | 'loss';

/**
 * Scripted answers for replay tests: the current and candidate models echo the prompt with their
 * role, and the judge (a request to `models.judge` holding two answers) reads the prompt's `[win]`/`[tie]`/`[bias]`/`[loss]` marker and finds the
 * candidate's answer among A and B, so every outcome is known in advance.
 */
export function scriptedReplayAnswers(models: { current: string; candidate: string; judge: string }) {
  return (req: FakeAnswerRequest): string | undefined => {
    // The judge is told apart by its prompt, so one model may be both judge and current or candidate.
    const judging = req.model === models.judge && req.text.includes('<answer_A>');
    if (!judging && req.model === models.current) return `current: ${req.text}`;
    if (!judging && req.model === models.candidate) return `candidate: ${req.text}`;
    if (!judging) return undefined;
    const verdict = /\[(win|tie|bias|loss)\]/.exec(req.text)?.[1] as ScriptedVerdict | undefined;
    const candidateIsA = /<answer_A>\ncandidate:/.test(req.text);
    const winner =
      verdict === 'win' ? (candidateIsA ? 'A' : 'B') : verdict === 'loss' ? (candidateIsA ? 'B' : 'A') : verdict === 'bias' ? 'A' : 'tie';
    return `{"winner": "${winner}", "reason": "scripted"}`;
  };
}

/** A stored call with captured prompt content, as the ingest writes it. */
export function capturedCall(projectId: string, o: { model: string; queryType: string; feature: string | null; prompt: string; at: Date; inputTokens?: number; outputTokens?: number; costUsd?: string }): CallRow {
  return {
    projectId, traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), startTime: o.at,
    parentSpanId: null, durationMs: 900, timeToFirstTokenMs: null, provider: 'openai', requestModel: o.model, responseModel: o.model,
    model: o.model, operation: 'chat', status: 'ok', errorType: null,
    inputTokens: o.inputTokens ?? 1200, outputTokens: o.outputTokens ?? 300, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, usageSource: 'reported',
    costUsd: o.costUsd ?? '0.006', reportedCostUsd: null, priceVersion: 'test', queryType: o.queryType,
    queryTypeSource: 'hint', queryTypeConfidence: 1, finishReasons: ['stop'], feature: o.feature,
    environment: 'production', endUserId: null, serviceName: null, convention: 'tierlens', attributes: {}, promptContent: o.prompt, completionContent: null,
  };
}

/** Ten prompts whose scripted outcomes are 5 wins, 3 ties (one a tie, two position-biased) and 2 losses. */
export const TEN_PROMPTS: readonly { prompt: string; feature: string }[] = (['win', 'win', 'win', 'win', 'win', 'tie', 'bias', 'bias', 'loss', 'loss'] as const).map((v, i) => ({
  prompt: `Summarize support ticket ${i} [${v}]: the customer cannot log in after the update.`,
  feature: i % 2 ? 'support-bot' : 'digest',
}));
