import type { CorrectionTarget, QueryType } from '@tierlens/analyzer';
import { CorrectionNotFoundError, createQueryTypeCorrection, retypeStoredCalls, undoQueryTypeCorrection, type Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

/**
 * Sets the query type of a feature, a template or one call of the project, for stored and
 * future calls. A second pass re-types the target again a little later, in the background, for
 * calls an ingest request that read the corrections before this one stored after the first pass.
 */
export async function correctQueryType(db: Db, input: { projectId: string; userId: string; target: CorrectionTarget; queryType: QueryType }) {
  const made = await createQueryTypeCorrection(db, input);
  followUp(db, input.projectId, input.target);
  return made;
}

/** Undoes one of the project's corrections (another project's is not found), with the same second pass. */
export async function undoCorrection(db: Db, input: { projectId: string; userId: string; correctionId: string }) {
  try {
    const undone = await undoQueryTypeCorrection(db, input);
    followUp(db, input.projectId, undone.target);
    return { callsRetyped: undone.callsRetyped };
  } catch (error) {
    if (error instanceof CorrectionNotFoundError) throw new DomainError('not_found', error.message);
    throw error;
  }
}

function followUp(db: Db, projectId: string, target: CorrectionTarget, env: NodeJS.ProcessEnv = process.env): void {
  const raw = env.TIERLENS_RETYPE_FOLLOW_UP_MS?.trim();
  if (raw === 'off') return;
  const ms = raw && Number.isFinite(Number(raw)) && Number(raw) >= 0 ? Number(raw) : 5_000;
  setTimeout(() => {
    retypeStoredCalls(db, projectId, target).catch((error: unknown) => console.error('[tierlens] re-typing after a query-type correction failed:', error));
  }, ms).unref();
}
