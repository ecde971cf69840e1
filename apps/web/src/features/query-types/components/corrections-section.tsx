'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '@tierlens/format';
import { errorMessage } from '@/lib/error-message';
import type { TimeRange } from '@/lib/time-range';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';
import { CorrectQueryTypeControl } from './correct-query-type-control';

type Target = { scope: 'feature'; feature: string } | { scope: 'template'; feature: string | null; fingerprint: string } | { scope: 'call'; traceId: string; spanId: string };

function describeTarget(t: Target): string {
  if (t.scope === 'feature') return `feature ${t.feature}`;
  if (t.scope === 'template') return `template ${t.fingerprint}${t.feature ? ` of ${t.feature}` : ''}`;
  return `call ${t.traceId.slice(0, 8)}…/${t.spanId}`;
}

/** Set a feature's query type; the corrections made so far, with undo; the labelled JSONL export. */
export function CorrectionsSection({ projectId, range, disabledReason }: { projectId: string; range: TimeRange; disabledReason: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [feature, setFeature] = useState('');
  const facets = useQuery(trpc.calls.facets.queryOptions({ projectId, range }));
  const list = useQuery(trpc.queryTypes.corrections.queryOptions({ projectId }));
  const undo = useMutation(
    trpc.queryTypes.undoCorrection.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.queryTypes.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() })]),
    }),
  );
  const exported = useMutation({
    mutationFn: () => queryClient.fetchQuery(trpc.queryTypes.exportLabelled.queryOptions({ projectId })),
    onSuccess: ({ jsonl }) => {
      const url = URL.createObjectURL(new Blob([jsonl], { type: 'application/x-ndjson' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'labelled-calls.jsonl';
      a.click();
      URL.revokeObjectURL(url);
    },
  });
  return (
    <section className="panel table-wrap">
      <h2>Corrections</h2>
      <p className="muted" style={{ fontSize: 13 }}>
        Set the query type of a feature, a template or a call: its stored calls are re-typed now (with the spend they count in) and new calls as they arrive. Undo re-types them to what they would be without the correction.
      </p>
      <div data-testid="correct-feature">
        <label htmlFor="qt-feature">Feature </label>
        <select id="qt-feature" value={feature} onChange={(e) => setFeature(e.target.value)}>
          <option value="">Choose a feature…</option>
          {facets.data?.features.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>{' '}
        <CorrectQueryTypeControl projectId={projectId} target={feature ? { scope: 'feature', feature } : null} disabledReason={disabledReason} />
      </div>
      <table className="data" data-testid="query-type-corrections">
        <thead><tr><th>What</th><th>Set to</th><th>By</th><th>When</th><th className="num">Calls re-typed</th><th /></tr></thead>
        <tbody>
          {list.data?.map((c) => (
            <tr key={c.id}>
              <td>{describeTarget(c.target)}</td>
              <td>{queryTypeLabel(c.queryType)}</td>
              <td>{c.createdBy ?? '—'}</td>
              <td>{new Date(c.createdAt).toISOString().slice(0, 16).replace('T', ' ')}</td>
              <td className="num">{formatCount(c.callsRetyped)}</td>
              <td>
                {c.undoneAt ? (
                  <span className="muted">undone{c.undoneBy ? ` by ${c.undoneBy}` : ''}</span>
                ) : (
                  <button type="button" disabled={disabledReason !== null || undo.isPending} title={disabledReason ?? undefined} onClick={() => undo.mutate({ projectId, correctionId: c.id })}>Undo</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.length === 0 && <p className="muted">No corrections yet.</p>}
      {undo.error && <p className="error" role="alert">{errorMessage(undo.error)}</p>}
      <p>
        <button type="button" disabled={disabledReason !== null || exported.isPending} title={disabledReason ?? undefined} onClick={() => exported.mutate()}>Export labelled calls (JSONL)</button>{' '}
        <span className="muted" style={{ fontSize: 13 }}>The calls people typed, with their prompts, as <code>{'{id, prompt, queryType}'}</code> lines: training data for your own classifier.</span>
      </p>
      {exported.error && <p className="error" role="alert">{errorMessage(exported.error)}</p>}
    </section>
  );
}
