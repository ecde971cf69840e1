import { ReplayEvaluationInputError, startReplayEvaluation, type StartReplayEvaluation } from '@tierlens/evals';
import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

/** Queues a replay evaluation; the user's mistakes (no prompts, a bad upload) become BAD_REQUEST. */
export async function startEvaluation(db: Db, project: { id: string }, input: StartReplayEvaluation, userId: string) {
  try {
    return await startReplayEvaluation(db, project, input, { userId });
  } catch (err) {
    if (err instanceof ReplayEvaluationInputError) throw new DomainError('invalid', err.message);
    throw err;
  }
}
