import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import type { Db } from '../client.ts';

/** A replay evaluation's states: queued → running → completed | capped | cancelled | failed. */
export const REPLAY_EVALUATION_STATUSES = ['queued', 'running', 'completed', 'capped', 'cancelled', 'failed'] as const;
export type ReplayEvaluationStatus = (typeof REPLAY_EVALUATION_STATUSES)[number];

/** What to evaluate, as stored; the items are the sampled or uploaded prompts. */
export interface NewReplayEvaluation {
  projectId: string;
  queryType: string;
  feature: string;
  provider: string | null;
  currentModel: string;
  candidateModel: string;
  judgeModel: string | null;
  method: 'pairwise' | 'exact_match';
  currentCredentialId: string;
  candidateCredentialId: string;
  judgeCredentialId: string | null;
  spendCapUsd: string;
  createdById: string | null;
  items: readonly { prompt: unknown; reference: string | null; stratum: string }[];
}

/** Creates an evaluation and its items in one transaction, queued for the runner. */
export async function createReplayEvaluation(db: Db, input: NewReplayEvaluation): Promise<{ id: string }> {
  const id = randomUUID();
  const { items, ...evaluation } = input;
  await db.$transaction([
    db.replayEvaluation.create({ data: { id, ...evaluation }, select: { id: true } }),
    db.replayEvaluationItem.createMany({
      data: items.map((item, position) => ({ evaluationId: id, position, prompt: item.prompt as Prisma.InputJsonValue, reference: item.reference, stratum: item.stratum })),
    }),
  ]);
  return { id };
}

/**
 * An evaluation this process holds. `attempts` is the claim's fencing token: every claim
 * increments it, so a process whose lease ran out (and was taken over) can record nothing more.
 */
export interface ClaimedEvaluation {
  id: string;
  attempts: number;
  tookOver: boolean;
}

/**
 * Claims evaluations that are queued, or running with an expired lease (their process stopped, or
 * a failed attempt's backoff is over): a conditional UPDATE over rows locked with SKIP LOCKED, so
 * each is taken by exactly one process, like the weekly report deliveries.
 */
export async function claimReplayEvaluations(
  db: Db,
  opts: { now: Date; leaseMs: number; maxAttempts: number; limit: number; projectIds?: readonly string[] | null },
): Promise<ClaimedEvaluation[]> {
  const scope = opts.projectIds ? Prisma.sql`AND project_id::text = ANY(${[...opts.projectIds]})` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: string; attempts: number; took_over: boolean }>>`
    UPDATE replay_evaluations e
    SET status = 'running', attempts = e.attempts + 1, lease_until = ${new Date(opts.now.getTime() + opts.leaseMs)}
    FROM (
      SELECT id, status AS previous_status FROM replay_evaluations
      WHERE (status = 'queued' OR (status = 'running' AND lease_until <= ${opts.now})) AND attempts < ${opts.maxAttempts} ${scope}
      ORDER BY created_at
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE e.id = due.id
    RETURNING e.id::text, e.attempts, due.previous_status = 'running' AS took_over`;
  return rows.map((r) => ({ id: r.id, attempts: r.attempts, tookOver: r.took_over }));
}

/** Gives up on running evaluations whose lease ran out on their last allowed attempt. */
export async function failAbandonedEvaluations(db: Db, opts: { now: Date; maxAttempts: number }): Promise<number> {
  return db.$executeRaw`
    UPDATE replay_evaluations SET status = 'failed', lease_until = NULL, finished_at = ${opts.now},
      last_error = COALESCE(last_error, 'The process running the last attempt stopped.')
    WHERE status = 'running' AND lease_until <= ${opts.now} AND attempts >= ${opts.maxAttempts}`;
}

/** Extends a claim's lease; false when the claim is no longer this process's or it was cancelled. */
export async function renewEvaluationLease(db: Db, claim: ClaimedEvaluation, until: Date): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE replay_evaluations SET lease_until = ${until}
    WHERE id = ${claim.id}::uuid AND status = 'running' AND attempts = ${claim.attempts}`;
  return n === 1;
}

/** An evaluation's settings as the runner needs them. */
export async function loadReplayEvaluation(db: Db, id: string) {
  return db.replayEvaluation.findUnique({
    where: { id },
    select: {
      id: true, projectId: true, queryType: true, feature: true, provider: true, currentModel: true, candidateModel: true, judgeModel: true,
      method: true, currentCredentialId: true, candidateCredentialId: true, judgeCredentialId: true, spendCapUsd: true, spentUsd: true, status: true, createdAt: true,
    },
  });
}

/** The items of an evaluation: those still to do, and the outcomes and costs of those done. */
export async function loadReplayEvaluationItems(db: Db, evaluationId: string) {
  return db.replayEvaluationItem.findMany({
    where: { evaluationId },
    orderBy: { position: 'asc' },
    select: { id: true, position: true, prompt: true, reference: true, status: true, outcome: true, currentCostUsd: true, candidateCostUsd: true, judgeCostUsd: true },
  });
}

/** One item's outcome and what it cost, recorded by the process holding the claim. */
export interface ItemResult {
  itemId: string;
  outcome: 'win' | 'tie' | 'loss';
  currentOutput: string;
  candidateOutput: string;
  currentCostUsd: string;
  candidateCostUsd: string;
  judgeCostUsd: string;
  /** Everything the item cost: current + candidate + judge. */
  totalCostUsd: string;
  now: Date;
}

/**
 * Records a judged item and adds its cost to the evaluation's spend, in one transaction that
 * commits only while the claim is still this process's and the evaluation is running (not
 * cancelled); false otherwise, and nothing is written.
 */
export async function recordItemResult(db: Db, claim: ClaimedEvaluation, r: ItemResult): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const held = await tx.$executeRaw`
      UPDATE replay_evaluations SET spent_usd = spent_usd + ${r.totalCostUsd}::numeric
      WHERE id = ${claim.id}::uuid AND status = 'running' AND attempts = ${claim.attempts}`;
    if (held !== 1) return false;
    const n = await tx.$executeRaw`
      UPDATE replay_evaluation_items SET status = 'done', outcome = ${r.outcome}, current_output = ${r.currentOutput}, candidate_output = ${r.candidateOutput},
        current_cost_usd = ${r.currentCostUsd}::numeric, candidate_cost_usd = ${r.candidateCostUsd}::numeric, judge_cost_usd = ${r.judgeCostUsd}::numeric,
        error = NULL, done_at = ${r.now}
      WHERE id = ${r.itemId}::uuid AND evaluation_id = ${claim.id}::uuid AND status = 'pending'`;
    if (n !== 1) throw new Error(`replay item ${r.itemId} is not pending`);
    return true;
  });
}

/** Adds spend without an outcome (an item whose replay was paid for but could not be judged). */
export async function addEvaluationSpend(db: Db, claim: ClaimedEvaluation, costUsd: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE replay_evaluations SET spent_usd = spent_usd + ${costUsd}::numeric
    WHERE id = ${claim.id}::uuid AND status = 'running' AND attempts = ${claim.attempts}`;
  return n === 1;
}

/** Ends a run: completed, capped or failed, with the result when there is one. */
export async function finishReplayEvaluation(
  db: Db,
  claim: ClaimedEvaluation,
  end: { status: 'completed' | 'capped' | 'failed'; result: unknown | null; error: string | null; now: Date },
): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE replay_evaluations SET status = ${end.status}, result = ${end.result === null ? null : JSON.stringify(end.result)}::jsonb,
      last_error = ${end.error}, lease_until = NULL, finished_at = ${end.now}
    WHERE id = ${claim.id}::uuid AND status = 'running' AND attempts = ${claim.attempts}`;
  return n === 1;
}

/** Releases a claim after a failed attempt, to be claimed again once `retryAt` passes. */
export async function releaseReplayEvaluation(db: Db, claim: ClaimedEvaluation, opts: { error: string; retryAt: Date }): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE replay_evaluations SET lease_until = ${opts.retryAt}, last_error = ${opts.error.slice(0, 2000)}
    WHERE id = ${claim.id}::uuid AND status = 'running' AND attempts = ${claim.attempts}`;
  return n === 1;
}

/** Cancels a queued or running evaluation of a project; a running one stops before its next item. */
export async function cancelReplayEvaluation(db: Db, projectId: string, id: string, now: Date = new Date()): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE replay_evaluations SET status = 'cancelled', lease_until = NULL, finished_at = ${now}
    WHERE id = ${id}::uuid AND project_id = ${projectId}::uuid AND status IN ('queued', 'running')`;
  return n === 1;
}

/** A project's evaluations, newest first, with their progress. */
export async function listReplayEvaluations(db: Db, projectId: string, opts: { limit?: number } = {}) {
  const rows = await db.replayEvaluation.findMany({
    where: { projectId },
    orderBy: { createdAt: 'desc' },
    take: opts.limit ?? 50,
    select: {
      id: true, queryType: true, feature: true, provider: true, currentModel: true, candidateModel: true, judgeModel: true, method: true,
      spendCapUsd: true, spentUsd: true, status: true, lastError: true, result: true, createdAt: true, finishedAt: true,
      _count: { select: { items: true } },
    },
  });
  const done = await db.replayEvaluationItem.groupBy({ by: ['evaluationId'], where: { evaluationId: { in: rows.map((r) => r.id) }, status: 'done' }, _count: { _all: true } });
  const doneBy = new Map(done.map((d) => [d.evaluationId, d._count._all]));
  return rows.map(({ _count, spendCapUsd, spentUsd, ...r }) => ({
    ...r,
    spendCapUsd: spendCapUsd.toFixed(),
    spentUsd: spentUsd.toFixed(),
    items: _count.items,
    itemsDone: doneBy.get(r.id) ?? 0,
  }));
}

/** The results of a project's completed evaluations, newest first, with the scope each was sampled from. */
export async function loadCompletedEvaluationResults(db: Db, projectId: string) {
  return db.replayEvaluation.findMany({
    where: { projectId, status: 'completed', result: { not: Prisma.AnyNull } },
    orderBy: { finishedAt: 'desc' },
    select: { id: true, queryType: true, feature: true, provider: true, currentModel: true, candidateModel: true, result: true, finishedAt: true },
  });
}
