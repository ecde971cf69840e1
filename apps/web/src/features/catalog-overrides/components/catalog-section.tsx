'use client';
import type { CapabilityQueryType } from '@tierlens/analyzer';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { TierBadge } from '@/components/tier-badge';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatScore } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { roleAtLeast } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';
import { EvidenceForm, type EvidenceItem } from './evidence-form';

/** The model catalog (tier and capability evidence per query type); admins override a tier or evidence, and reset. */
export function CatalogSection({ organizationId, role }: { organizationId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalog = useQuery(trpc.catalogOverrides.list.queryOptions({ organizationId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.catalogOverrides.list.queryKey({ organizationId }) });
  const setTier = useMutation(trpc.catalogOverrides.setTier.mutationOptions({ onSettled: invalidate }));
  const reset = useMutation(trpc.catalogOverrides.reset.mutationOptions({ onSettled: invalidate }));
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState<{ modelId: string; queryType?: CapabilityQueryType; editing?: EvidenceItem } | null>(null);
  const canEdit = roleAtLeast(role, 'admin');

  if (catalog.error) return <p className="error">{catalog.error.message}</p>;
  const needle = filter.trim().toLowerCase();
  const models = catalog.data?.models.filter((m) => !needle || `${m.id} ${m.name} ${m.provider} ${m.tier}`.toLowerCase().includes(needle)) ?? [];
  const done = () => { setForm(null); void invalidate(); };

  return (
    <>
      <div className="filters">
        <div>
          <label htmlFor="catalog-filter">Find a model</label>
          <input id="catalog-filter" placeholder="name, provider or tier" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      </div>
      {!canEdit && <p className="muted role-note">Changing the catalog needs the admin role; you are {role}.</p>}
      {(setTier.error || reset.error) && <p className="error" role="alert">{errorMessage(setTier.error ?? reset.error)}</p>}
      <div className="table-wrap">
        <table className="data" data-testid="catalog-table">
          <thead><tr><th>Model</th><th>Provider</th><th>Tier</th><th>Evidence by query type</th><th /></tr></thead>
          <tbody>
            {models.map((m) => (
              <Fragment key={m.id}>
                <tr>
                  <td>
                    {m.name}
                    <div className="muted small-text"><code>{m.id}</code>{m.openWeights && ' · open weights'}</div>
                  </td>
                  <td>{m.provider}</td>
                  <td>
                    {canEdit ? (
                      <select
                        aria-label={`Tier of ${m.name}`}
                        value={m.tier}
                        disabled={setTier.isPending}
                        onChange={(e) => setTier.mutate({ organizationId, modelId: m.id, tier: e.target.value as typeof m.tier })}
                      >
                        {catalog.data?.tiers.map((t) => <option key={t} value={t}>{t === m.builtinTier ? `${t} (built-in)` : t}</option>)}
                      </select>
                    ) : (
                      <TierBadge tier={m.tier} />
                    )}
                    {m.tier !== m.builtinTier && <div className="muted small-text">built-in: {m.builtinTier}</div>}
                  </td>
                  <td className="small-text">
                    {m.evidence.length === 0 && <span className="muted">none</span>}
                    {m.evidence.map((e) => (
                      <span key={e.queryType} className={`chip${e.overridden ? ' customized' : ''}`} title={e.items.map((i) => `${i.benchmark}: ${formatScore(i.score)}`).join('\n')}>
                        {queryTypeLabel(e.queryType)} {e.items[0] ? formatScore(e.items[0].score) : '—'}
                        {e.items.length > 1 && ` +${e.items.length - 1}`}
                      </span>
                    ))}
                  </td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary small" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                        {open === m.id ? 'Hide' : 'Details'}
                      </button>
                      {m.override && (
                        <>
                          <span className="tag" title={`Changed ${formatDateTime(m.override.updatedAt)}`}>{m.override.valid ? 'customized' : 'invalid override'}</span>
                          {canEdit && (
                            <button
                              type="button"
                              className="secondary small danger"
                              disabled={reset.isPending}
                              onClick={() => { if (window.confirm(`Reset ${m.name} to the built-in tier and evidence?`)) reset.mutate({ organizationId, modelId: m.id }); }}
                            >
                              Reset
                            </button>
                          )}
                        </>
                      )}
                    </div>
                  </td>
                </tr>
                {open === m.id && (
                  <tr className="detail-row">
                    <td colSpan={5}>
                      {m.evidence.map((e) => (
                        <div key={e.queryType} className="evidence-group">
                          <h4>{queryTypeLabel(e.queryType)}{e.overridden && <span className="tag">customized</span>}</h4>
                          {e.items.length === 0 && <p className="muted">No evidence.</p>}
                          <ul>
                            {e.items.map((i) => (
                              <li key={`${i.benchmark}|${i.source}`}>
                                <strong>{i.benchmark}</strong>: {formatScore(i.score)}
                                {i.sampleSize !== null && <span className="muted"> · n={i.sampleSize}</span>}
                                <span className="muted"> · {i.date} · {i.source}</span>
                                {i.note && <div className="muted small-text">{i.note}</div>}
                                {canEdit && (
                                  <button type="button" className="link-button" onClick={() => setForm({ modelId: m.id, queryType: e.queryType, editing: i })}>Edit</button>
                                )}
                              </li>
                            ))}
                          </ul>
                        </div>
                      ))}
                      {canEdit && form?.modelId !== m.id && (
                        <button type="button" className="secondary small" onClick={() => setForm({ modelId: m.id })}>Add evidence</button>
                      )}
                      {canEdit && form?.modelId === m.id && catalog.data && (
                        <EvidenceForm
                          key={`${form.queryType ?? ''}|${form.editing?.benchmark ?? ''}|${form.editing?.source ?? ''}`}
                          organizationId={organizationId}
                          modelId={m.id}
                          queryTypes={catalog.data.queryTypes}
                          initialQueryType={form.queryType}
                          editing={form.editing}
                          onDone={done}
                        />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {catalog.data && models.length === 0 && <p className="muted">No model matches.</p>}
      </div>
    </>
  );
}
