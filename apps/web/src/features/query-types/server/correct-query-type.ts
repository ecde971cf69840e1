import type { CorrectionTarget, QueryType } from '@tierlens/analyzer';
import { CorrectionNotFoundError, createQueryTypeCorrection, undoQueryTypeCorrection, type Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

/** Sets the query type of a feature, a template or one call of the project, for stored and future calls. */
export async function correctQueryType(db: Db, input: { projectId: string; userId: string; target: CorrectionTarget; queryType: QueryType }) {
  return createQueryTypeCorrection(db, input);
}

/** Undoes one of the project's corrections; another project's is not found. */
export async function undoCorrection(db: Db, input: { projectId: string; userId: string; correctionId: string }) {
  try {
    return await undoQueryTypeCorrection(db, input);
  } catch (error) {
    if (error instanceof CorrectionNotFoundError) throw new DomainError('not_found', error.message);
    throw error;
  }
}
