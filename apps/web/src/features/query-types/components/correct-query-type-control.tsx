'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CorrectionTarget } from '@tierlens/analyzer';
import { errorMessage } from '@/lib/error-message';
import { SETTABLE_QUERY_TYPES, queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';

/**
 * A query-type picker and a Set button that corrects `target` (a feature, a template or one
 * call): the stored calls are re-typed at once and new calls at ingest. Every query-type and
 * call view of the project is refreshed afterwards.
 */
export function CorrectQueryTypeControl({ projectId, target, disabledReason, testId }: { projectId: string; target: CorrectionTarget | null; disabledReason: string | null; testId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [queryType, setQueryType] = useState('');
  const correct = useMutation(
    trpc.queryTypes.correct.mutationOptions({
      onSuccess: async () => {
        setQueryType('');
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.queryTypes.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() })]);
      },
    }),
  );
  const disabled = disabledReason !== null || target === null || queryType === '' || correct.isPending;
  return (
    <span className="inline-form" data-testid={testId}>
      <select aria-label="Query type to set" value={queryType} onChange={(e) => setQueryType(e.target.value)} disabled={disabledReason !== null}>
        <option value="">Set query type…</option>
        {SETTABLE_QUERY_TYPES.map((t) => <option key={t} value={t}>{queryTypeLabel(t)}</option>)}
      </select>{' '}
      <button type="button" disabled={disabled} title={disabledReason ?? undefined}
        onClick={() => target && correct.mutate({ projectId, target, queryType: queryType as never })}>
        {correct.isPending ? 'Re-typing…' : 'Set'}
      </button>
      {correct.data && <span className="muted" role="status"> {correct.data.callsRetyped} stored calls re-typed.</span>}
      {correct.error && <span className="error" role="alert"> {errorMessage(correct.error)}</span>}
    </span>
  );
}
