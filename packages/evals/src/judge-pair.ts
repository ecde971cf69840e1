import type { ItemOutcome } from './score-evaluation.ts';
import type { ReplayPrompt } from './call-model.ts';

/** What a judge looks for, per query type: the rubric in its instructions. */
export const JUDGE_RUBRICS: Readonly<Record<string, string>> = {
  coding: 'Correctness first (would the code run and do what was asked), then completeness, then clarity.',
  reasoning: 'Correctness of the final answer first, then the soundness of the steps.',
  math: 'Correctness of the final answer first, then the soundness of the steps.',
  summarization: 'Faithfulness to the source (no invented facts) first, then coverage of the key points, then concision.',
  extraction: 'Exactly the requested fields, values copied faithfully from the input, in the requested format; nothing invented.',
  classification: 'The right label in the requested format; nothing else matters.',
  translation: 'Meaning preserved exactly, then fluency and the target language’s conventions.',
  creative_writing: 'Follows the brief (form, tone, length), then originality and quality of the writing.',
  chat: 'Helpful, correct and follows every instruction, then tone and concision.',
};
const DEFAULT_RUBRIC = 'Follows every instruction, correct and complete, then clear and concise.';

/** The rubric for a query type (a general one for types without their own). */
export function rubricFor(queryType: string): string {
  return JUDGE_RUBRICS[queryType] ?? DEFAULT_RUBRIC;
}

/**
 * The judge's prompt for one order of a pair. The answers are labelled A and B only, so the judge
 * cannot know which model wrote which; the caller asks in both orders.
 */
export function judgePrompt(queryType: string, prompt: ReplayPrompt, a: string, b: string): ReplayPrompt {
  const task = [prompt.system ? `[System]\n${prompt.system}` : null, ...prompt.messages.map((m) => `[${m.role}]\n${m.content}`)].filter(Boolean).join('\n\n');
  return {
    system:
      'You compare two answers to the same request. Judge only by the rubric. If they are equally good (or equally bad), say tie. ' +
      'Reply with JSON only: {"winner": "A" | "B" | "tie", "reason": "<one sentence>"}.',
    messages: [
      {
        role: 'user',
        content: `Rubric: ${rubricFor(queryType)}\n\n<request>\n${task}\n</request>\n\n<answer_A>\n${a}\n</answer_A>\n\n<answer_B>\n${b}\n</answer_B>`,
      },
    ],
  };
}

/** The judge's verdict on one order; throws on an answer that names no winner. */
export function parseVerdict(text: string): 'A' | 'B' | 'tie' {
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (json) {
    try {
      const winner = String((JSON.parse(json) as { winner?: unknown }).winner ?? '').trim();
      if (winner === 'A' || winner === 'B') return winner;
      if (winner.toLowerCase() === 'tie') return 'tie';
    } catch {
      // fall through to the error below
    }
  }
  throw new Error(`The judge's answer names no winner: ${JSON.stringify(text.slice(0, 200))}`);
}

/**
 * Combines the two orders (candidate as A, then current as A): a win or loss only when both
 * orders agree or one says tie and the other picks a side; contradicting orders are a tie
 * (position bias cancels out).
 */
export function combineOrders(candidateFirst: 'A' | 'B' | 'tie', currentFirst: 'A' | 'B' | 'tie'): ItemOutcome {
  const vote = (v: 'A' | 'B' | 'tie', candidateIs: 'A' | 'B') => (v === 'tie' ? 0 : v === candidateIs ? 1 : -1);
  const sum = vote(candidateFirst, 'A') + vote(currentFirst, 'B');
  return sum > 0 ? 'win' : sum < 0 ? 'loss' : 'tie';
}

/** Exact-match outcome against a reference: trimmed, case- and whitespace-insensitive, JSON compared structurally. */
export function exactMatchOutcome(reference: string, current: string, candidate: string): ItemOutcome {
  const right = (answer: string) => normalizeAnswer(answer) === normalizeAnswer(reference);
  const diff = Number(right(candidate)) - Number(right(current));
  return diff > 0 ? 'win' : diff < 0 ? 'loss' : 'tie';
}

function normalizeAnswer(text: string): string {
  const t = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  try {
    return JSON.stringify(sortKeys(JSON.parse(t)));
  } catch {
    return t.toLowerCase().replace(/\s+/g, ' ').replace(/[.。]$/, '');
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)]));
  return typeof v === 'string' ? v.trim().toLowerCase() : v;
}
