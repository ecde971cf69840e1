'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryTypeColor } from '@/lib/colors';
import { formatCount, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';
import { MIN_CALLS_TO_COMPARE } from '@tierlens/analyzer';
import { ruleOutcomeCells } from '../lib/rule-outcome-cells';
import { modeLabel, stepFrom } from '../lib/rule-mode-steps';

const FORMATS = [
  { id: 'tierlens', label: 'Tierlens policy (SDK)' },
  { id: 'litellm', label: 'LiteLLM proxy config' },
  { id: 'portkey', label: 'Portkey conditional routing' },
] as const;

/** Routing rules: list, enable/disable, what-if over the last 30 days, export. */
export function RulesView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useQuery(trpc.rules.list.queryOptions({ projectId }));
  const whatIf = useQuery(trpc.rules.whatIf.queryOptions({ projectId }));
  const outcomes = useQuery(trpc.rules.outcomes.queryOptions({ projectId }));
  const [format, setFormat] = useState<(typeof FORMATS)[number]['id']>('tierlens');
  const exported = useQuery(trpc.rules.export.queryOptions({ projectId, format }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.rules.list.queryKey({ projectId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.rules.whatIf.queryKey({ projectId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.rules.export.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.rules.outcomes.queryKey({ projectId }) });
  };
  const setMode = useMutation(trpc.rules.setMode.mutationOptions({ onSuccess: refresh }));
  const toggle = useMutation(trpc.rules.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.rules.delete.mutationOptions({ onSuccess: refresh }));
  const w = whatIf.data;
  const download = () => {
    if (!exported.data) return;
    const url = URL.createObjectURL(new Blob([exported.data.content], { type: exported.data.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exported.data.filename;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <h1 className="page-title">Rules</h1>
      <p className="page-sub">When a query type (and feature) goes to a model, use another one instead</p>
      {w && (
        <div className="cards" data-testid="what-if">
          <div className="card"><div className="label">Spend, last 30 days</div><div className="value">{formatUsd(w.spendUsd)}</div></div>
          <div className="card"><div className="label">With the enabled rules</div><div className="value">{formatUsd(w.projectedSpendUsd)}</div></div>
          <div className="card"><div className="label">Difference</div><div className="value">{formatUsd(w.savingUsd)}</div><div className="sub">{formatCount(w.callsMoved)} calls moved</div></div>
        </div>
      )}
      <section className="panel table-wrap">
        <table className="data" data-testid="rules-table">
          <thead><tr><th>When</th><th>and model</th><th>use</th><th>In your app</th><th className="num">Calls moved (30 d)</th><th className="num">Spend before → after</th><th>Enabled</th><th /></tr></thead>
          <tbody>
            {rules.data?.map((r) => {
              const replay = w?.perRule.find((p) => p.ruleId === r.id);
              return (
                <tr key={r.id}>
                  <td><span className="dot" style={{ background: queryTypeColor(r.queryType) }} />{queryTypeLabel(r.queryType)}{r.feature ? ` · ${r.feature}` : ''}</td>
                  <td>{r.fromModel}</td>
                  <td><strong>{r.toModel}</strong></td>
                  <td data-testid="rule-mode">
                    <span className={`badge mode-${r.mode}`}>{modeLabel(r)}</span>
                    {r.pauseReason && <div className="warning small" data-testid="rule-pause-reason">{r.pauseReason}</div>}
                    <div className="row-actions">
                      {(['down', 'up'] as const).map((direction) => {
                        const next = stepFrom(r.mode, r.canaryShare, direction);
                        return next ? (
                          <button key={direction} type="button" className="secondary small" data-testid={`rule-step-${direction}`} disabled={setMode.isPending}
                            onClick={() => setMode.mutate({ projectId, ruleId: r.id, setting: next })}>
                            {direction === 'up' ? '▲' : '▼'} {modeLabel(next)}
                          </button>
                        ) : null;
                      })}
                    </div>
                  </td>
                  <td className="num">{replay ? formatCount(replay.callsMoved) : '—'}</td>
                  <td className="num">{replay ? `${formatUsd(replay.spendBeforeUsd)} → ${formatUsd(replay.spendAfterUsd)}` : '—'}</td>
                  <td><input type="checkbox" aria-label={`Enable rule ${r.queryType} ${r.fromModel}`} checked={r.enabled} onChange={(e) => toggle.mutate({ projectId, ruleId: r.id, enabled: e.target.checked })} style={{ width: 'auto' }} /></td>
                  <td><button type="button" className="secondary small" onClick={() => remove.mutate({ projectId, ruleId: r.id })}>Delete</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rules.data && rules.data.length === 0 && <p className="muted">No rules yet. Create one from a finding on the Savings page.</p>}
      </section>
      {rules.data && rules.data.length > 0 && (
        <section className="panel table-wrap">
          <h2>In effect, last 30 days</h2>
          <p className="muted">From the calls your apps tagged with each rule (SDK routing on): routed calls against the canary&rsquo;s control calls, or against the calls seen in shadow mode. Saving is the difference of observed cost per call times the routed calls; the prediction is the finding&rsquo;s for the same calls.</p>
          <table className="data" data-testid="rule-outcomes">
            <thead><tr><th>Rule</th><th>Mode</th><th>Calls</th><th className="num">Saving: realized</th><th className="num">predicted</th><th>Errors routed vs baseline</th><th>Truncated</th><th>Latency</th><th>Verdict</th></tr></thead>
            <tbody>
              {outcomes.data?.map((row) => {
                const rule = rules.data.find((r) => r.id === row.ruleId);
                const c = ruleOutcomeCells(row.outcome, MIN_CALLS_TO_COMPARE);
                return (
                  <tr key={row.ruleId} data-testid="rule-outcome" data-rule-id={row.ruleId}>
                    <td>{rule ? `${queryTypeLabel(rule.queryType)}: ${rule.fromModel} → ${rule.toModel}` : row.ruleId}</td>
                    <td>{modeLabel(row)}{row.pauseReason ? ' (paused)' : ''}</td>
                    <td data-testid="rule-outcome-calls">{c.calls}</td>
                    <td className="num" data-testid="rule-outcome-realized">{c.realized} <span className="muted">{c.baseline}</span></td>
                    <td className="num" data-testid="rule-outcome-predicted">{c.predicted}</td>
                    <td className={c.worse.errorRate ? 'warning' : ''}>{c.errorRate}</td>
                    <td className={c.worse.truncationRate ? 'warning' : ''}>{c.truncationRate}</td>
                    <td className={c.worse.latency ? 'warning' : ''}>{c.latency}</td>
                    <td>{row.pauseReason ?? c.verdict}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <section className="panel">
        <h2>Export</h2>
        <div className="range-picker" role="group" aria-label="Export format">
          {FORMATS.map((f) => (
            <button key={f.id} type="button" className={f.id === format ? 'active' : ''} onClick={() => setFormat(f.id)}>{f.label}</button>
          ))}
        </div>
        {exported.data && (
          <>
            <pre className="snippet" data-testid="rules-export">{exported.data.content}</pre>
            {exported.data.omitted.length > 0 && <p className="warning">Not expressible here: {exported.data.omitted.map((o) => `${o.ruleId} (${o.reason})`).join('; ')}</p>}
            <div className="row-actions">
              <button type="button" className="secondary small" onClick={() => navigator.clipboard?.writeText(exported.data!.content)}>Copy</button>
              <button type="button" className="secondary small" onClick={download}>Download {exported.data.filename}</button>
            </div>
          </>
        )}
      </section>
    </>
  );
}
