'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryTypeColor } from '@/lib/colors';
import { formatCount, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';

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
  const [format, setFormat] = useState<(typeof FORMATS)[number]['id']>('tierlens');
  const exported = useQuery(trpc.rules.export.queryOptions({ projectId, format }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.rules.list.queryKey({ projectId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.rules.whatIf.queryKey({ projectId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.rules.export.queryKey() });
  };
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
          <thead><tr><th>When</th><th>and model</th><th>use</th><th className="num">Calls moved (30 d)</th><th className="num">Spend before → after</th><th>Enabled</th><th /></tr></thead>
          <tbody>
            {rules.data?.map((r) => {
              const replay = w?.perRule.find((p) => p.ruleId === r.id);
              return (
                <tr key={r.id}>
                  <td><span className="dot" style={{ background: queryTypeColor(r.queryType) }} />{queryTypeLabel(r.queryType)}{r.feature ? ` · ${r.feature}` : ''}</td>
                  <td>{r.fromModel}</td>
                  <td><strong>{r.toModel}</strong></td>
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
