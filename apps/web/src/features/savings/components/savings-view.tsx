'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import type { Finding } from '@tierlens/analyzer';
import { TierBadge } from '@/components/tier-badge';
import { RANGE_LABELS } from '@/lib/time-range';
import { queryTypeColor } from '@/lib/colors';
import { formatCount, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useRange } from '@/lib/use-range';
import { useTRPC } from '@/trpc/client';
import { EvaluateForm, EvaluationsPanel, type EvaluationScope } from '@/features/evaluations/components';
import { findingSources } from '../lib/finding-sources';
import type { NeedsEvidenceRow } from '../lib/needs-evidence';

/** The analyzer's findings ranked by money: overpaying and underbidding, each with its evidence. */
export function SavingsView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { range, preset } = useRange();
  const { data, error, isLoading } = useQuery(trpc.savings.findings.queryOptions({ projectId, range }));
  // A completed evaluation is new evidence: the findings are computed again.
  const refreshFindings = useCallback(() => void queryClient.invalidateQueries({ queryKey: trpc.savings.findings.queryKey() }), [queryClient, trpc]);
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
      <EvaluationsPanel projectId={projectId} onCompleted={refreshFindings} />
      {data && <NeedsEvidence rows={data.needsEvidence} projectId={projectId} />}
    </>
  );
}

/**
 * Spend the analyzer could not judge for lack of evidence, per query type × model, each with a
 * button to evaluate a candidate on the project's own traffic.
 */
function NeedsEvidence({ rows, projectId }: { rows: readonly NeedsEvidenceRow[]; projectId: string }) {
  const [open, setOpen] = useState<string | null>(null);
  if (rows.length === 0) return null;
  return (
    <section className="panel" data-testid="needs-evidence">
      <h2>Needs evidence</h2>
      <p className="muted">No public benchmark (or no consistent one) covers these models on these query types, so no verdict is given. Evaluate a cheaper model on your own captured prompts to get one.</p>
      <div className="table-wrap">
        <table className="data">
          <thead><tr><th>Query type</th><th>Model</th><th className="num">Calls</th><th className="num">Spend in range</th><th>Why</th><th /></tr></thead>
          <tbody>
            {rows.map((r) => {
              const key = `${r.queryType}|${r.model}|${r.provider ?? ''}`;
              return [
              <tr key={key} data-testid="needs-evidence-row">
                <td><span className="dot" style={{ background: queryTypeColor(r.queryType) }} />{queryTypeLabel(r.queryType)}</td>
                <td>{r.model}</td>
                <td className="num">{formatCount(r.calls)}</td>
                <td className="num">{formatUsd(r.spendUsd)}</td>
                <td className="muted">{r.detail}</td>
                <td><button type="button" className="secondary small" onClick={() => setOpen(open === key ? null : key)}>Evaluate</button></td>
              </tr>,
              open === key && (
                <tr key={`${key}|form`}><td colSpan={6}>
                  <EvaluateForm projectId={projectId} scope={{ queryType: r.queryType, feature: '', provider: r.provider, currentModel: r.model, candidateModel: '' }} onDone={() => setOpen(null)} />
                </td></tr>
              ),
              ];
            })}
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
  const [evaluating, setEvaluating] = useState(false);
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
          <div className="sub">range {delta.low.toFixed(1)} to {delta.high.toFixed(1)} · <span data-testid="finding-quality-source">{q.source === 'benchmark' ? 'public benchmark' : q.source === 'observed' ? 'observed failures' : 'measured on your traffic'}</span></div>
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
        <button type="button" className="secondary" data-testid="evaluate-finding" onClick={() => setEvaluating(!evaluating)}>Evaluate on your traffic</button>
        {create.error && <span className="error">{create.error.message}</span>}
      </div>
      {evaluating && <EvaluateForm projectId={projectId} scope={findingScope(f)} onDone={() => setEvaluating(false)} />}
    </section>
  );
}

/** A finding's evaluation: its query type (every feature, as findings are made per query type), current and recommended model. */
function findingScope(f: Finding): EvaluationScope {
  return { queryType: f.queryType, feature: f.feature ?? '', provider: f.current.provider, currentModel: f.current.model, candidateModel: f.recommended.model };
}
