import type { CorrectionTarget, QueryType } from '@tierlens/analyzer';
import type { Db } from '../client.ts';
import { retypeStoredCalls } from './retype-stored-calls.ts';

/** A correction as listed: what it targets, the type it sets, who made (and undid) it and when. */
export interface QueryTypeCorrectionView {
  id: string;
  target: CorrectionTarget;
  queryType: string;
  createdAt: Date;
  createdBy: string | null;
  undoneAt: Date | null;
  undoneBy: string | null;
  callsRetyped: number;
}

/** No active correction with that id in the project (never made, another project's, or already undone). */
export class CorrectionNotFoundError extends Error {
  constructor() {
    super('No such correction in this project, or it was already undone.');
    this.name = 'CorrectionNotFoundError';
  }
}

/**
 * Records a person's correction and applies it to the project's stored calls and their rollups
 * ({@link retypeStoredCalls}); the ingest applies it to new calls from the moment it is stored.
 * Returns the correction's id and how many stored calls changed type.
 */
export async function createQueryTypeCorrection(
  db: Db,
  input: { projectId: string; userId: string | null; target: CorrectionTarget; queryType: QueryType },
): Promise<{ id: string; callsRetyped: number }> {
  const t = input.target;
  const created = await db.queryTypeCorrection.create({
    data: {
      projectId: input.projectId,
      scope: t.scope,
      feature: t.scope === 'call' ? null : t.feature,
      fingerprint: t.scope === 'template' ? t.fingerprint : null,
      traceId: t.scope === 'call' ? t.traceId : null,
      spanId: t.scope === 'call' ? t.spanId : null,
      queryType: input.queryType,
      createdById: input.userId,
    },
    select: { id: true },
  });
  const { retyped } = await retypeStoredCalls(db, input.projectId, t);
  await db.queryTypeCorrection.update({ where: { id: created.id }, data: { callsRetyped: retyped }, select: { id: true } });
  return { id: created.id, callsRetyped: retyped };
}

/**
 * Undoes a correction: it stops applying at ingest, and the stored calls it named are re-typed
 * to what they would be without it (another correction in force, else their automatic type,
 * which every call keeps), their rollups moved back. Returns how many calls changed type.
 */
export async function undoQueryTypeCorrection(db: Db, input: { projectId: string; correctionId: string; userId: string | null }): Promise<{ callsRetyped: number; target: CorrectionTarget }> {
  const undone = await db.queryTypeCorrection.updateManyAndReturn({
    where: { id: input.correctionId, projectId: input.projectId, undoneAt: null },
    data: { undoneAt: new Date(), undoneById: input.userId },
  });
  const row = undone[0];
  if (!row) throw new CorrectionNotFoundError();
  const target = toTarget(row);
  const { retyped } = await retypeStoredCalls(db, input.projectId, target);
  return { callsRetyped: retyped, target };
}

/** A project's corrections, newest first, undone ones included (they say what was done). */
export async function listQueryTypeCorrections(db: Db, projectId: string): Promise<QueryTypeCorrectionView[]> {
  const rows = await db.queryTypeCorrection.findMany({
    where: { projectId },
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: {
      id: true, scope: true, feature: true, fingerprint: true, traceId: true, spanId: true, queryType: true,
      createdAt: true, undoneAt: true, callsRetyped: true,
      createdBy: { select: { email: true } }, undoneBy: { select: { email: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    target: toTarget(r),
    queryType: r.queryType,
    createdAt: r.createdAt,
    createdBy: r.createdBy?.email ?? null,
    undoneAt: r.undoneAt,
    undoneBy: r.undoneBy?.email ?? null,
    callsRetyped: r.callsRetyped,
  }));
}

/** A stored correction row's target. */
export function toTarget(r: { scope: string; feature: string | null; fingerprint: string | null; traceId: string | null; spanId: string | null }): CorrectionTarget {
  if (r.scope === 'call') return { scope: 'call', traceId: r.traceId!, spanId: r.spanId! };
  if (r.scope === 'template') return { scope: 'template', feature: r.feature, fingerprint: r.fingerprint! };
  return { scope: 'feature', feature: r.feature! };
}
