'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { Finding } from '@tierlens/analyzer';
import { TierBadge } from '@/components/tier-badge';
import { RANGE_LABELS } from '@/lib/time-range';
import { queryTypeColor } from '@/lib/colors';
import { formatCount, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useRange } from '@/lib/use-range';
import { useTRPC } from '@/trpc/client';
import { findingSources } from '../lib/finding-sources';
import type { NeedsEvidenceRow } from '../lib/needs-evidence';

/** The analyzer's findings ranked by money: overpaying and underbidding, each with its evidence. */
export function SavingsView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { range, preset } = useRange();
  const { data, error, isLoading } = useQuery(trpc.savings.findings.queryOptions({ projectId, range }));
  if (error) return <p className="error">{error.message}</p>;
  const findings = data?.findings ?? [];
  const totalSaving = findings.filter((f) => f.kind === 'overpaying').reduce((a, f) => a + Number(f.monthlySavingUsd.point), 0);
  return (
    <>
      <h1 className="page-title">Savings</h1>
      <p className="page-sub">{RANGE_LABELS[preset]} · where a cheaper model is good enough, and where the current one is too weak</p>
      {data && (
        <div className="cards">
          <div className="card"><div className="label">Possible saving per month</div><div className="value" data-testid="total-saving">{formatUsd(totalSaving)}</div></div>
          <div className="card"><div className="label">Overpaying</div><div className="value">{findings.filter((f) => f.kind === 'overpaying').length}</div></div>
          <div className="card"><div className="label">Underbidding risks</div><div className="value">{findings.filter((f) => f.kind === 'underbidding').length}</div></div>
          <div className="card"><div className="label">Calls analysed</div><div className="value">{formatCount(data.totals.calls)}</div></div>
        </div>
      )}
      {isLoading && <p className="muted">Computing findings…</p>}
      {data && findings.length === 0 && (
        <section className="panel empty"><h2>No findings for this range</h2><p className="muted">Either every query type is on a model that fits it, or there is not enough evidence yet. {data.skipped.length} model × query type groups were looked at.</p></section>
      )}
      {findings.map((f) => <FindingCard key={f.id} finding={f} projectId={projectId} range={range} />)}
      {data && <NeedsEvidence rows={data.needsEvidence} />}
    </>
  );
}

/**
 * Spend the analyzer could not judge for lack of evidence, per query type × model. An evaluation
 * on the project's own traffic would close these gaps; until that feature exists there is no
 * button here, only the list and how to add evidence by hand.
 */
function NeedsEvidence({ rows }: { rows: readonly NeedsEvidenceRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section className="panel" data-testid="needs-evidence">
      <h2>Needs evidence</h2>
      <p className="muted">No public benchmark (or no consistent one) covers these models on these query types, so no verdict is given. Add your own evaluation results as catalog evidence to get one.</p>
      <div className="table-wrap">
        <table className="data">
          <thead><tr><th>Query type</th><th>Model</th><th className="num">Calls</th><th className="num">Spend in range</th><th>Why</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.queryType}|${r.model}|${r.provider ?? ''}`} data-testid="needs-evidence-row">
                <td><span className="dot" style={{ background: queryTypeColor(r.queryType) }} />{queryTypeLabel(r.queryType)}</td>
                <td>{r.model}</td>
                <td className="num">{formatCount(r.calls)}</td>
                <td className="num">{formatUsd(r.spendUsd)}</td>
                <td className="muted">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FindingCard({ finding: f, projectId, range }: { finding: Finding; projectId: string; range: { from: Date; to: Date } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState(false);
  const create = useMutation(
    trpc.rules.createFromFinding.mutationOptions({
      onSuccess: () => {
        setCreated(true);
        void queryClient.invalidateQueries({ queryKey: trpc.rules.list.queryKey({ projectId }) });
      },
    }),
  );
  const saving = Number(f.monthlySavingUsd.point);
  const q = f.quality;
  const delta = q.deltaPoints;
  const sources = findingSources(f);
  return (
    <section className="panel finding" data-testid="finding" data-kind={f.kind}>
      <div className="finding-head">
        <span className={`badge ${f.kind === 'overpaying' ? 'kind-over' : 'kind-under'}`}>{f.kind === 'overpaying' ? 'Overpaying' : 'Underbidding'}</span>
        <span><span className="dot" style={{ background: queryTypeColor(f.queryType) }} />{queryTypeLabel(f.queryType)}{f.feature ? ` · ${f.feature}` : ''}</span>
        <span className="muted">confidence: {f.confidence}</span>
      </div>
      <h2 className="finding-title">
        {f.current.model} <TierBadge tier={f.current.tier} /> → {f.recommended.model} <TierBadge tier={f.recommended.tier} />
      </h2>
      <div className="finding-grid">
        <div>
          <div className="label">{saving >= 0 ? 'Saving per month' : 'Extra cost per month'}</div>
          <div className="value">{formatUsd(Math.abs(saving))}</div>
          <div className="sub">
            range {saving >= 0
              ? `${formatUsd(f.monthlySavingUsd.low)} – ${formatUsd(f.monthlySavingUsd.high)}`
              : `${formatUsd(-Number(f.monthlySavingUsd.high) || 0)} – ${formatUsd(-Number(f.monthlySavingUsd.low) || 0)}`}
          </div>
        </div>
        <div>
          <div className="label">Quality change ({q.benchmark})</div>
          <div className="value">{delta.point >= 0 ? '+' : '−'}{Math.abs(delta.point).toFixed(1)} pts</div>
          <div className="sub">range {delta.low.toFixed(1)} to {delta.high.toFixed(1)} · {q.source === 'benchmark' ? 'public benchmark' : q.source === 'observed' ? 'observed failures' : 'your evals'}</div>
        </div>
        <div>
          <div className="label">Calls affected</div>
          <div className="value">{formatCount(f.affected.calls)}</div>
          <div className="sub">{formatUsd(f.affected.spendUsd)} spent in range</div>
        </div>
      </div>
      <p className="muted small-text">{f.method}</p>
      <details className="muted small-text finding-sources" data-testid="finding-sources">
        <summary>Sources: {sources.map((s) => s.short).join(' · ') || '—'}</summary>
        <ul>
          {sources.map((s) => (
            <li key={s.short}>
              {s.href ? <a href={s.href} rel="noreferrer" target="_blank">{s.full}</a> : s.full}
              {s.note ? ` (${s.note})` : ''}
            </li>
          ))}
        </ul>
      </details>
      <div className="row-actions">
        {created ? (
          <Link href={`/p/${projectId}/rules`} className="button-link">Rule created · view rules →</Link>
        ) : (
          <button type="button" onClick={() => create.mutate({ projectId, findingId: f.id, range })} disabled={create.isPending}>Create rule</button>
        )}
        {create.error && <span className="error">{create.error.message}</span>}
      </div>
    </section>
  );
}
