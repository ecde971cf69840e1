'use client';
import { useQuery } from '@tanstack/react-query';
import { StackedSpendChart } from '@/components/charts/stacked-spend-chart';
import { SpendWatchPanel } from '@/features/budgets/components';
import { FirstCallEmptyState } from '@/features/projects/components';
import { RANGE_LABELS } from '@/lib/time-range';
import { colorOf, queryTypeColor } from '@/lib/colors';
import { formatChange, formatCount, formatTokens, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useRange } from '@/lib/use-range';
import { useTRPC } from '@/trpc/client';
import { useState } from 'react';

/** Overview: spend and its change, spend over time by model or query type, top features. */
export function OverviewView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { range, preset } = useRange();
  const [stackBy, setStackBy] = useState<'model' | 'queryType'>('queryType');
  const { data, error, isLoading } = useQuery(trpc.overview.get.queryOptions({ projectId, range }));
  if (error) return <p className="error">Could not load the overview: {error.message}</p>;
  const s = data?.summary;
  const empty = data && data.summary.current.calls === 0 && data.summary.previous.calls === 0;
  return (
    <>
      <h1 className="page-title">Overview</h1>
      <p className="page-sub">{RANGE_LABELS[preset]} · compared with the {preset} before</p>
      {empty ? (
        <FirstCallEmptyState projectId={projectId} />
      ) : (
        <>
          <div className="cards">
            <div className="card" data-testid="total-spend">
              <div className="label">Spend</div>
              <div className="value">{isLoading || !s ? '…' : formatUsd(s.current.costUsd)}</div>
              {s && <div className={`sub delta ${(s.costChange ?? 0) > 0 ? 'up' : 'down'}`}>{formatChange(s.costChange)} vs previous {preset}</div>}
            </div>
            <div className="card" data-testid="total-calls">
              <div className="label">LLM calls</div>
              <div className="value">{isLoading || !s ? '…' : formatCount(s.current.calls)}</div>
              {s && <div className="sub">{formatChange(s.callsChange)} vs previous {preset}</div>}
            </div>
            <div className="card">
              <div className="label">Tokens in / out</div>
              <div className="value" style={{ fontSize: 20 }}>{isLoading || !s ? '…' : `${formatTokens(s.current.inputTokens)} / ${formatTokens(s.current.outputTokens)}`}</div>
            </div>
            <div className="card">
              <div className="label">Error rate</div>
              <div className="value">{isLoading || !s ? '…' : s.current.calls ? `${((s.current.errorCalls / s.current.calls) * 100).toFixed(1)}%` : '—'}</div>
            </div>
          </div>
          {data && data.unpricedModels.length > 0 && (
            <div className="warning" data-testid="unpriced-warning">
              <strong>{formatCount(data.unpricedModels.reduce((a, m) => a + m.calls, 0))} calls are unpriced</strong> and not counted in spend:{' '}
              {data.unpricedModels.map((m) => `${m.model} (${formatCount(m.calls)})`).join(', ')}: no price is known for these models. Add a price override in Settings.
            </div>
          )}
          {data && data.noUsageModels.length > 0 && (
            <div className="warning" data-testid="no-usage-warning">
              <strong>{formatCount(data.noUsageModels.reduce((a, m) => a + m.calls, 0))} calls reported no usage</strong> and are not counted in spend:{' '}
              {data.noUsageModels.map((m) => `${m.model} (${formatCount(m.calls)})`).join(', ')}. These models have a price, but the calls arrived without token counts (often a stream read without its usage): have the instrumentation report usage.
            </div>
          )}
          <SpendWatchPanel projectId={projectId} />
          <section className="panel">
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
              <h2>Spend over time</h2>
              <div className="range-picker" role="group" aria-label="Stack by">
                <button type="button" className={stackBy === 'queryType' ? 'active' : ''} onClick={() => setStackBy('queryType')}>By query type</button>
                <button type="button" className={stackBy === 'model' ? 'active' : ''} onClick={() => setStackBy('model')}>By model</button>
              </div>
            </div>
            {data && (
              <StackedSpendChart
                series={stackBy === 'model' ? data.byModel : data.byQueryType}
                bucket={data.bucket}
                colorOf={stackBy === 'model' ? colorOf : queryTypeColor}
                labelOf={stackBy === 'model' ? undefined : queryTypeLabel}
              />
            )}
          </section>
          <section className="panel">
            <h2>Top features</h2>
            <p className="small-text">
              <a data-testid="spend-csv" href={`/p/${projectId}/export/rollups?${new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), bucket: 'day', groupBy: 'model,queryType,feature' })}`} download>
                Download spend by day, model, query type and feature (CSV)
              </a>
            </p>
            <table className="data">
              <thead><tr><th>Feature</th><th className="num">Spend</th><th className="num">Calls</th></tr></thead>
              <tbody>
                {data?.topFeatures.map((f) => (
                  <tr key={f.feature}><td>{f.feature}</td><td className="num">{formatUsd(f.costUsd)}</td><td className="num">{formatCount(f.calls)}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}
