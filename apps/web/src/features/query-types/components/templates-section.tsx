'use client';
import { useQuery } from '@tanstack/react-query';
import { formatCount, formatPercent } from '@tierlens/format';
import type { TimeRange } from '@/lib/time-range';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';
import { CorrectQueryTypeControl } from './correct-query-type-control';

/** The prompt templates of the range: calls, the type most have, how sure, an example, and a control to set the template's type. */
export function TemplatesSection({ projectId, range, disabledReason }: { projectId: string; range: TimeRange; disabledReason: string | null }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.queryTypes.templates.queryOptions({ projectId, range }));
  if (error) return <p className="error">{error.message}</p>;
  return (
    <section className="panel table-wrap">
      <h2>Prompt templates</h2>
      <p className="muted" style={{ fontSize: 13 }}>
        Calls of a feature with the same system prompt (or the same instructions before the payload) are one template. A call the classifier is unsure of takes the type most of its template’s calls were confidently given.
      </p>
      <table className="data" data-testid="prompt-templates">
        <thead><tr><th>Template</th><th>Feature</th><th className="num">Calls</th><th>Query type</th><th className="num">Share</th><th className="num">Confidence</th><th>Example</th><th /></tr></thead>
        <tbody>
          {data?.map((t) => (
            <tr key={`${t.feature ?? ''}:${t.fingerprint}`}>
              <td><code>{t.fingerprint}</code></td>
              <td>{t.feature ?? '—'}</td>
              <td className="num">{formatCount(t.calls)}</td>
              <td>{queryTypeLabel(t.queryType)} <span className="muted">({t.source})</span></td>
              <td className="num">{formatPercent(t.share)}</td>
              <td className="num">{t.confidence.toFixed(2)}</td>
              <td className="muted" style={{ maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={t.example ?? undefined}>{t.example ?? 'content not stored'}</td>
              <td><CorrectQueryTypeControl projectId={projectId} target={{ scope: 'template', feature: t.feature, fingerprint: t.fingerprint }} disabledReason={disabledReason} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.length === 0 && <p className="muted">No calls with a recognisable prompt template in this range (templates need the prompt content in the spans).</p>}
    </section>
  );
}
