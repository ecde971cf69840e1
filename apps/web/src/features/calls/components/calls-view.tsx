'use client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { RANGE_LABELS } from '@/lib/time-range';
import { queryTypeColor } from '@/lib/colors';
import { formatDuration, formatTokens, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useRange } from '@/lib/use-range';
import { useTRPC } from '@/trpc/client';

type Filters = { model?: string; queryType?: string; feature?: string; environment?: string; status?: 'ok' | 'error'; endUserId?: string };

/** The call explorer: filter by model, query type, feature, environment, status and end user; newest first. */
export function CallsView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { range, preset } = useRange();
  const endUserParam = useSearchParams().get('endUser');
  const [filters, setFilters] = useState<Filters>(endUserParam ? { endUserId: endUserParam } : {});
  const facets = useQuery(trpc.calls.facets.queryOptions({ projectId, range }));
  const list = useInfiniteQuery(
    trpc.calls.list.infiniteQueryOptions(
      { projectId, filters: { range, ...filters }, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const set = (k: keyof Filters) => (e: React.ChangeEvent<HTMLSelectElement>) => setFilters((f) => ({ ...f, [k]: e.target.value || undefined }));
  const calls = list.data?.pages.flatMap((p) => p.calls) ?? [];
  return (
    <>
      <h1 className="page-title">Calls</h1>
      <p className="page-sub">{RANGE_LABELS[preset]} · newest first</p>
      <div className="panel filters">
        <Select label="Model" value={filters.model} options={facets.data?.models} onChange={set('model')} />
        <Select label="Query type" value={filters.queryType} options={facets.data?.queryTypes} onChange={set('queryType')} format={queryTypeLabel} />
        <Select label="Feature" value={filters.feature} options={facets.data?.features} onChange={set('feature')} />
        <Select label="Environment" value={filters.environment} options={facets.data?.environments} onChange={set('environment')} />
        <Select label="Status" value={filters.status} options={['ok', 'error']} onChange={set('status')} />
        <div>
          <label htmlFor="end-user-filter">End user</label>
          <input id="end-user-filter" placeholder="any" defaultValue={filters.endUserId ?? ''} onBlur={(e) => setFilters((f) => ({ ...f, endUserId: e.target.value.trim() || undefined }))} onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
        </div>
        <a
          className="button-link"
          style={{ alignSelf: 'end' }}
          data-testid="calls-csv"
          href={`/p/${projectId}/calls/export?${new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) })}`}
          download
        >
          Download CSV
        </a>
      </div>
      <section className="panel table-wrap">
        {list.error && <p className="error">{list.error.message}</p>}
        <table className="data" data-testid="calls-table">
          <thead>
            <tr><th>Time (UTC)</th><th>Model</th><th>Query type</th><th>Feature</th><th>Status</th><th className="num">Tokens in/out</th><th className="num">Cost</th><th className="num">Duration</th></tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={`${c.traceId}/${c.spanId}`}>
                <td>
                  <Link href={`/p/${projectId}/calls/${c.traceId}/${c.spanId}?t=${encodeURIComponent(new Date(c.startTime).toISOString())}`}>
                    {new Date(c.startTime).toISOString().replace('T', ' ').slice(0, 19)}
                  </Link>
                </td>
                <td>{c.model}</td>
                <td><span className="dot" style={{ background: queryTypeColor(c.queryType) }} />{queryTypeLabel(c.queryType)}</td>
                <td>{c.feature ?? <span className="muted">—</span>}</td>
                <td>{c.status === 'error' ? <span className="error">{c.errorType ?? 'error'}</span> : 'ok'}</td>
                <td className="num">{formatTokens(c.inputTokens)} / {formatTokens(c.outputTokens)}</td>
                <td className="num">{c.costUsd === null ? <span className="muted">unpriced</span> : formatUsd(c.costUsd)}</td>
                <td className="num">{formatDuration(c.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.isLoading && calls.length === 0 && <p className="muted">No calls match.</p>}
        {list.hasNextPage && (
          <p><button type="button" className="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>{list.isFetchingNextPage ? 'Loading…' : 'Load more'}</button></p>
        )}
      </section>
    </>
  );
}

function Select({ label, value, options, onChange, format = (s: string) => s }: { label: string; value?: string; options?: string[]; onChange: (e: React.ChangeEvent<HTMLSelectElement>) => void; format?: (s: string) => string }) {
  return (
    <div>
      <label>{label}</label>
      <select value={value ?? ''} onChange={onChange} aria-label={label}>
        <option value="">All</option>
        {options?.map((o) => <option key={o} value={o}>{format(o)}</option>)}
      </select>
    </div>
  );
}
