'use client';
import { useQuery } from '@tanstack/react-query';
import { TierBadge } from '@/components/tier-badge';
import { RANGE_LABELS } from '@/lib/time-range';
import { queryTypeColor } from '@/lib/colors';
import { formatCount, formatPercent, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useRange } from '@/lib/use-range';
import { roleReason } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';
import { CorrectionsSection } from './corrections-section';
import { TemplatesSection } from './templates-section';

/** Per query type: spend, calls and a query type × model matrix of spend, with each model's tier; the prompt templates; people's corrections. */
export function QueryTypesView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { range, preset } = useRange();
  const { data, error } = useQuery(trpc.queryTypes.matrix.queryOptions({ projectId, range }));
  const project = useQuery(trpc.projects.get.queryOptions({ projectId }));
  const disabledReason = project.data ? roleReason(project.data.role, 'member') : 'Loading…';
  if (error) return <p className="error">{error.message}</p>;
  const models = data?.models.slice(0, 8) ?? [];
  return (
    <>
      <h1 className="page-title">Query types</h1>
      <p className="page-sub">{RANGE_LABELS[preset]} · where the money goes by kind of work, and which models do it</p>
      <section className="panel table-wrap">
        <table className="data" data-testid="query-type-matrix">
          <thead>
            <tr>
              <th>Query type</th>
              <th className="num">Spend</th>
              <th className="num">Share</th>
              <th className="num">Calls</th>
              {models.map((m) => (
                <th key={m.model} className="num" title={m.model}>
                  <div>{m.model}</div>
                  <TierBadge tier={m.tier} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data?.queryTypes.map((q) => {
              const cells = new Map(q.models.map((m) => [m.model, m]));
              return (
                <tr key={q.queryType}>
                  <td><span className="dot" style={{ background: queryTypeColor(q.queryType) }} />{queryTypeLabel(q.queryType)}</td>
                  <td className="num">{formatUsd(q.costUsd)}</td>
                  <td className="num">{formatPercent(q.share)}</td>
                  <td className="num">{formatCount(q.calls)}</td>
                  {models.map((m) => {
                    const c = cells.get(m.model);
                    return <td key={m.model} className="num">{c ? formatUsd(c.costUsd) : <span className="muted">—</span>}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {data && data.queryTypes.length === 0 && <p className="muted">No calls in this range.</p>}
      </section>
      <TemplatesSection projectId={projectId} range={range} disabledReason={disabledReason} />
      <CorrectionsSection projectId={projectId} range={range} disabledReason={disabledReason} />
    </>
  );
}
