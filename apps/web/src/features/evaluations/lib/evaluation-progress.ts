/** The part of an evaluation the progress line needs. */
export interface EvaluationProgressInput {
  status: string;
  items: number;
  itemsDone: number;
  spentUsd: string;
  spendCapUsd: string;
}

/** Whether an evaluation may still change (so the page keeps polling). */
export function isActive(status: string): boolean {
  return status === 'queued' || status === 'running';
}

/** Done items as a fraction of all, and spend as a fraction of the cap, each in 0..1. */
export function evaluationProgress(e: EvaluationProgressInput): { items: number; spend: number } {
  const clamp = (v: number) => (Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0);
  return { items: clamp(e.items ? e.itemsDone / e.items : 0), spend: clamp(Number(e.spentUsd) / Number(e.spendCapUsd)) };
}

/** Win rate against the current model, ties counting half, as a percentage. */
export function winRate(r: { wins: number; ties: number; losses: number }): number {
  const n = r.wins + r.ties + r.losses;
  return n ? (100 * (r.wins + r.ties / 2)) / n : 0;
}
