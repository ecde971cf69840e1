'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { formatCount, formatDateTime, formatPercent, formatPoints, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';
import { evaluationProgress, isActive, winRate } from '../lib/evaluation-progress';

type Result = { wins: number; ties: number; losses: number; scoreDiff: { low: number; point: number; high: number }; costPerTaskUsd: { current: string; candidate: string } };

/** The project's replay evaluations with progress (polled while any runs), results, and cancel. */
export function EvaluationsPanel({ projectId, onCompleted }: { projectId: string; onCompleted?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({
    ...trpc.evaluations.list.queryOptions({ projectId }),
    refetchInterval: (q) => ((q.state.data ?? []).some((e) => isActive(e.status)) ? 2_000 : false),
  });
  const cancel = useMutation(trpc.evaluations.cancel.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.evaluations.list.queryKey({ projectId }) }) }));
  const rows = list.data ?? [];
  const completed = rows.filter((e) => e.status === 'completed').map((e) => e.id).join(',');
  useCompletedEffect(completed, onCompleted);
  if (rows.length === 0) return null;
  return (
    <section className="panel" data-testid="evaluations">
      <h2>Evaluations on your traffic</h2>
      <div className="table-wrap">
        <table className="data">
          <thead><tr><th>Query type</th><th>Current → candidate</th><th>Progress</th><th>Spend</th><th>Result</th><th>Started</th><th /></tr></thead>
          <tbody>
            {rows.map((e) => {
              const p = evaluationProgress(e);
              const r = e.result as Result | null;
              return (
                <tr key={e.id} data-testid="evaluation-row" data-status={e.status}>
                  <td>{queryTypeLabel(e.queryType)}{e.feature ? ` · ${e.feature}` : ''}</td>
                  <td>{e.currentModel} → {e.candidateModel}</td>
                  <td>
                    <progress max={1} value={p.items} aria-label="Items done" /> {formatCount(e.itemsDone)}/{formatCount(e.items)}
                    <div className="muted small-text">{e.status}{e.lastError ? `: ${e.lastError}` : ''}</div>
                  </td>
                  <td>{formatUsd(e.spentUsd)} of {formatUsd(e.spendCapUsd)}</td>
                  <td data-testid="evaluation-result">
                    {r ? (
                      <>
                        won {r.wins}, tied {r.ties}, lost {r.losses} · win rate {formatPercent(winRate(r) / 100, 0)}
                        <div className="muted small-text">score {formatPoints(r.scoreDiff.point)} [{formatPoints(r.scoreDiff.low)}, {formatPoints(r.scoreDiff.high)}] · per task {formatUsd(r.costPerTaskUsd.current)} → {formatUsd(r.costPerTaskUsd.candidate)}</div>
                      </>
                    ) : '—'}
                  </td>
                  <td>{formatDateTime(e.createdAt)}</td>
                  <td>{isActive(e.status) && <button type="button" className="secondary small" disabled={cancel.isPending} onClick={() => cancel.mutate({ projectId, evaluationId: e.id })}>Cancel</button>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}


/** Calls `onCompleted` when the set of completed evaluations grows (the findings then change). */
function useCompletedEffect(completed: string, onCompleted?: () => void) {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (last.current !== null && last.current !== completed) onCompleted?.();
    last.current = completed;
  }, [completed, onCompleted]);
}
