'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount, formatTokens, formatUsd } from '@/lib/format';
import { useTRPC } from '@/trpc/client';

const DAY = 24 * 60 * 60 * 1000;

/** Spend, calls and tokens of the last 30 days. */
export function OverviewTotals({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const [range] = useState(() => {
    const to = new Date(Date.now() + 60 * 60 * 1000);
    return { from: new Date(to.getTime() - 30 * DAY), to };
  });
  const { data, error, isLoading } = useQuery(trpc.overview.spendSummary.queryOptions({ projectId, ...range }));
  if (error) return <p className="error">Could not load the overview: {error.message}</p>;
  return (
    <div className="cards">
      <div className="card" data-testid="total-spend">
        <div className="label">Spend</div>
        <div className="value">{isLoading || !data ? '…' : formatUsd(data.totalCostUsd)}</div>
      </div>
      <div className="card" data-testid="total-calls">
        <div className="label">LLM calls</div>
        <div className="value">{isLoading || !data ? '…' : formatCount(data.calls)}</div>
      </div>
      <div className="card">
        <div className="label">Tokens in / out</div>
        <div className="value" style={{ fontSize: 20 }}>
          {isLoading || !data ? '…' : `${formatTokens(data.inputTokens)} / ${formatTokens(data.outputTokens)}`}
        </div>
      </div>
      {data && data.unpricedCalls > 0 && (
        <div className="card" data-testid="unpriced-warning">
          <div className="label">Unpriced calls</div>
          <div className="value" style={{ color: 'var(--danger)' }}>{formatCount(data.unpricedCalls)}</div>
        </div>
      )}
    </div>
  );
}
