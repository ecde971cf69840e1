'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { formatCount, formatDateTime, formatDuration, formatTokens, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';

/** A trace (a request or an agent run): what it cost in all, and its calls under one another. */
export function TraceView({ projectId, traceId }: { projectId: string; traceId: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.calls.trace.queryOptions({ projectId, traceId }));
  if (error) return <p className="error">Could not load the trace: {error.message}</p>;
  if (!data) return <p className="muted">Loading…</p>;
  const t = data.totals;
  return (
    <>
      <h1 className="page-title">Trace</h1>
      <p className="page-sub"><code>{traceId}</code> · {formatDateTime(t.startTime)} · {formatDuration(t.wallMs)} end to end</p>
      <div className="cards">
        <div className="card" data-testid="trace-cost"><div className="label">Cost of the trace</div><div className="value">{formatUsd(t.costUsd)}</div>{t.unpricedCalls > 0 && <div className="sub">{formatCount(t.unpricedCalls)} unpriced calls not included</div>}</div>
        <div className="card"><div className="label">LLM calls</div><div className="value">{formatCount(t.calls)}</div></div>
        <div className="card"><div className="label">Tokens in / out</div><div className="value" style={{ fontSize: 20 }}>{formatTokens(t.inputTokens)} / {formatTokens(t.outputTokens)}</div></div>
        <div className="card"><div className="label">Models</div><div className="value" style={{ fontSize: 16 }}>{t.models.join(', ')}</div>{t.endUsers.length > 0 && <div className="sub">end user {t.endUsers.join(', ')}</div>}</div>
      </div>
      <section className="panel table-wrap">
        <table className="data" data-testid="trace-calls">
          <thead><tr><th>Call</th><th>Query type</th><th>Feature</th><th>Status</th><th className="num">Tokens in/out</th><th className="num">Cost</th><th className="num">Duration</th></tr></thead>
          <tbody>
            {data.calls.map((c) => (
              <tr key={c.spanId}>
                <td style={{ paddingLeft: 8 + 16 * c.depth }}>
                  <Link href={`/p/${projectId}/calls/${c.traceId}/${c.spanId}?t=${encodeURIComponent(c.startTime.toISOString())}`}>{c.model}</Link>
                  <span className="muted small-text"> {c.operation}</span>
                </td>
                <td>{queryTypeLabel(c.queryType)}</td>
                <td>{c.feature ?? ''}</td>
                <td>{c.status}</td>
                <td className="num">{formatTokens(c.inputTokens)} / {formatTokens(c.outputTokens)}</td>
                <td className="num">{c.costUsd === null ? <span className="muted">unpriced</span> : formatUsd(c.costUsd)}</td>
                <td className="num">{formatDuration(c.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data.listed < t.calls && <p className="muted">The first {formatCount(data.listed)} calls are listed; the totals count all {formatCount(t.calls)}.</p>}
      </section>
    </>
  );
}
