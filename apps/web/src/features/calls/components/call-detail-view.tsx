'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatCount, formatDuration, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { roleReason } from '@/lib/roles';
import { CorrectQueryTypeControl } from '@/features/query-types/components';
import { useTRPC } from '@/trpc/client';

/** One call: identity, tokens, cost breakdown, query type with its source, content when captured, raw attributes. */
export function CallDetailView({ projectId, traceId, spanId, startTime }: { projectId: string; traceId: string; spanId: string; startTime: string }) {
  const trpc = useTRPC();
  const { data: c, error } = useQuery(trpc.calls.get.queryOptions({ projectId, traceId, spanId, startTime: new Date(startTime) }));
  const project = useQuery(trpc.projects.get.queryOptions({ projectId }));
  const disabledReason = project.data ? roleReason(project.data.role, 'member') : 'Loading…';
  if (error) return <p className="error">{error.message}</p>;
  if (!c) return <p className="muted">Loading…</p>;
  const rows: Array<[string, React.ReactNode]> = [
    ['Time (UTC)', new Date(c.startTime).toISOString()],
    ['Provider / model', `${c.provider ?? '—'} / ${c.model}${c.requestModel && c.requestModel !== c.model ? ` (requested ${c.requestModel})` : ''}`],
    ['Operation', c.operation],
    ['Status', c.status === 'error' ? `error: ${c.errorType ?? 'unknown'}` : 'ok'],
    ['Query type', (
      <>
        <span data-testid="call-query-type">{queryTypeLabel(c.queryType)} (from {c.queryTypeSource}, confidence {c.queryTypeConfidence.toFixed(2)})</span>
        {c.queryTypeSource === 'manual' && <span className="muted"> · automatic: {queryTypeLabel(c.autoQueryType)} ({c.autoQueryTypeSource})</span>}
        <br />
        <CorrectQueryTypeControl projectId={projectId} target={{ scope: 'call', traceId: c.traceId, spanId: c.spanId }} disabledReason={disabledReason} testId="correct-call" />
      </>
    )],
    ['Feature / environment', `${c.feature ?? '—'} / ${c.environment ?? '—'}`],
    ['End user', c.endUserId ?? '—'],
    ['Duration / first token', `${formatDuration(c.durationMs)} / ${formatDuration(c.timeToFirstTokenMs)}`],
    ['Finish reasons', c.finishReasons.join(', ') || '—'],
    ['Instrumentation', `${c.convention}${c.serviceName ? ` · service ${c.serviceName}` : ''}`],
    ['Trace / span', `${c.traceId} / ${c.spanId}`],
  ];
  return (
    <>
      <p><Link href={`/p/${projectId}/calls`}>← Calls</Link> · <Link href={`/p/${projectId}/traces/${c.traceId}`} data-testid="trace-link">the whole trace</Link></p>
      <h1 className="page-title">{c.operation} {c.model}</h1>
      <div className="grid-2">
        <section className="panel">
          <h2>Call</h2>
          <table className="data"><tbody>{rows.map(([k, v]) => <tr key={k}><th>{k}</th><td>{v}</td></tr>)}</tbody></table>
        </section>
        <section className="panel">
          <h2>Tokens and cost</h2>
          <table className="data" data-testid="cost-breakdown">
            <tbody>
              <tr><th>Input, not cached</th><td className="num">{formatCount(c.inputTokens - c.cacheReadTokens - c.cacheWriteTokens)}</td><td className="num">{c.breakdown ? formatUsd(c.breakdown.input) : ''}</td></tr>
              <tr><th>Cache read</th><td className="num">{formatCount(c.cacheReadTokens)}</td><td className="num">{c.breakdown ? formatUsd(c.breakdown.cacheRead) : ''}</td></tr>
              <tr><th>Cache write</th><td className="num">{formatCount(c.cacheWriteTokens)}</td><td className="num">{c.breakdown ? formatUsd(c.breakdown.cacheWrite) : ''}</td></tr>
              <tr><th>Output (incl. reasoning)</th><td className="num">{formatCount(c.outputTokens)}</td><td className="num">{c.breakdown ? formatUsd(c.breakdown.output) : ''}</td></tr>
              <tr><th>Reasoning</th><td className="num">{formatCount(c.reasoningTokens)}</td><td className="num">{c.breakdown ? formatUsd(c.breakdown.reasoning) : ''}</td></tr>
              <tr><th>Total</th><td className="num" /><td className="num"><strong>{c.costUsd === null ? 'unpriced' : formatUsd(c.costUsd)}</strong></td></tr>
              {c.reportedCostUsd && <tr><th>Reported by the SDK/provider</th><td className="num" /><td className="num">{formatUsd(c.reportedCostUsd)}</td></tr>}
            </tbody>
          </table>
          <p className="muted" style={{ fontSize: 13 }}>Usage: {c.usageSource}. Price: {c.priceVersion ?? 'none'}. {c.breakdown?.note}</p>
        </section>
      </div>
      {(c.promptContent || c.completionContent) && (
        <section className="panel">
          <h2>Content</h2>
          {c.promptContent && (<><h3 className="muted" style={{ fontSize: 13 }}>Prompt</h3><pre className="snippet" style={{ whiteSpace: 'pre-wrap' }}>{c.promptContent}</pre></>)}
          {c.completionContent && (<><h3 className="muted" style={{ fontSize: 13 }}>Completion</h3><pre className="snippet" style={{ whiteSpace: 'pre-wrap' }}>{c.completionContent}</pre></>)}
        </section>
      )}
      <section className="panel">
        <h2>Attributes</h2>
        <pre className="snippet" style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(c.attributes, null, 2)}</pre>
      </section>
    </>
  );
}
