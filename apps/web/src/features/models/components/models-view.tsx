'use client';
import { useQuery } from '@tanstack/react-query';
import { TierBadge } from '@/components/tier-badge';
import { RANGE_LABELS } from '@/lib/time-range';
import { colorOf } from '@/lib/colors';
import { formatCount, formatDuration, formatPercent, formatTokens, formatUsd } from '@tierlens/format';
import { useRange } from '@/lib/use-range';
import { useTRPC } from '@/trpc/client';

/** Per model: spend, calls, tokens, error and truncation rates, latency and time to first token. */
export function ModelsView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { range, preset } = useRange();
  const { data, error } = useQuery(trpc.models.stats.queryOptions({ projectId, range }));
  if (error) return <p className="error">{error.message}</p>;
  return (
    <>
      <h1 className="page-title">Models</h1>
      <p className="page-sub">{RANGE_LABELS[preset]}</p>
      <section className="panel table-wrap">
        <table className="data" data-testid="models-table">
          <thead>
            <tr>
              <th>Model</th><th>Tier</th><th className="num">Spend</th><th className="num">Calls</th><th className="num">Per call</th>
              <th className="num">Input</th><th className="num">Output</th><th className="num">Errors</th><th className="num">Truncated</th>
              <th className="num">Latency</th><th className="num">First token</th>
            </tr>
          </thead>
          <tbody>
            {data?.map((m) => (
              <tr key={`${m.provider}/${m.model}`}>
                <td><span className="dot" style={{ background: colorOf(m.model) }} />{m.model}<div className="muted" style={{ fontSize: 12 }}>{m.provider || 'unknown provider'}</div>
                  {m.lifecycle.status !== 'active' && (
                    <div className="small-text" data-testid="model-retirement">
                      <span className="tag warn">{m.lifecycle.status === 'retired' ? `retired ${m.lifecycle.retires}` : `retires ${m.lifecycle.retires}`}</span>{' '}
                      <a href={m.lifecycle.sourceUrl} target="_blank" rel="noreferrer">notice</a>
                      {m.lifecycle.replacement && <span className="muted"> · replacement {m.lifecycle.replacement}</span>}
                    </div>
                  )}
                </td>
                <td><TierBadge tier={m.tier} /></td>
                <td className="num">{m.unpricedCalls === m.calls ? <span className="muted">unpriced</span> : formatUsd(m.costUsd)}</td>
                <td className="num">{formatCount(m.calls)}</td>
                <td className="num">{formatUsd(m.costPerCallUsd)}</td>
                <td className="num">{formatTokens(m.inputTokens)}</td>
                <td className="num">{formatTokens(m.outputTokens)}</td>
                <td className="num">{formatPercent(m.errorRate)}</td>
                <td className="num">{formatPercent(m.truncationRate)}</td>
                <td className="num">{formatDuration(m.meanLatencyMs)}</td>
                <td className="num">{formatDuration(m.meanTtftMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.length === 0 && <p className="muted">No calls in this range.</p>}
      </section>
    </>
  );
}
