'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { RepricedNote } from './repriced-note';
import { useTRPC } from '@/trpc/client';
import { ZPriceOverrideInput } from '../lib/price-override-input';
import { PublicPrice } from './public-price';

const EMPTY = { scope: 'organization' as 'organization' | 'project', provider: '', model: '', inputPerMTok: '', outputPerMTok: '', cacheReadPerMTok: '', cacheWritePerMTok: '', effectiveFrom: '' };
const RATES = [
  { key: 'inputPerMTok', label: 'Input', required: true },
  { key: 'outputPerMTok', label: 'Output', required: true },
  { key: 'cacheReadPerMTok', label: 'Cache read', required: false },
  { key: 'cacheWritePerMTok', label: 'Cache write', required: false },
] as const;

/** Adds a price for a model (USD per million tokens), showing the model's public price while typing. */
export function PriceOverrideForm({ projectId, onCreated }: { projectId: string; onCreated: () => void }) {
  const trpc = useTRPC();
  const [form, setForm] = useState(EMPTY);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const model = useDeferredValue(form.model.trim());
  const provider = useDeferredValue(form.provider.trim());
  const publicPrice = useQuery(trpc.priceOverrides.publicPrice.queryOptions({ projectId, model, provider: provider || null }, { enabled: model.length > 0 }));
  const create = useMutation(trpc.priceOverrides.create.mutationOptions({ onSuccess: () => { setForm(EMPTY); onCreated(); } }));
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const candidate = {
      ...form,
      cacheReadPerMTok: form.cacheReadPerMTok.trim() || null,
      cacheWritePerMTok: form.cacheWritePerMTok.trim() || null,
      effectiveFrom: form.effectiveFrom ? new Date(`${form.effectiveFrom}T00:00:00Z`) : null,
    };
    const parsed = ZPriceOverrideInput.safeParse(candidate);
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setIssues({});
    create.mutate({ projectId, price: candidate });
  }

  return (
    <form className="form-grid" onSubmit={submit} noValidate data-testid="price-override-form">
      <div>
        <label htmlFor="po-model">Model</label>
        <input id="po-model" placeholder="e.g. gpt-4o" value={form.model} onChange={set('model')} aria-invalid={Boolean(issues.model)} />
        {issues.model && <span className="field-error">{issues.model}</span>}
      </div>
      <div>
        <label htmlFor="po-provider">Provider (optional)</label>
        <input id="po-provider" placeholder="any provider" value={form.provider} onChange={set('provider')} />
      </div>
      <div>
        <label htmlFor="po-scope">Applies to</label>
        <select id="po-scope" value={form.scope} onChange={set('scope')}>
          <option value="organization">every project of the organization</option>
          <option value="project">this project only</option>
        </select>
      </div>
      {RATES.map((r) => (
        <div key={r.key}>
          <label htmlFor={`po-${r.key}`}>{r.label} $ / MTok{r.required ? '' : ' (optional)'}</label>
          <input id={`po-${r.key}`} inputMode="decimal" placeholder={r.required ? '0.00' : 'input price'} value={form[r.key]} onChange={set(r.key)} aria-invalid={Boolean(issues[r.key])} />
          {issues[r.key] && <span className="field-error">{issues[r.key]}</span>}
        </div>
      ))}
      <div>
        <label htmlFor="po-from">Effective from (UTC, optional)</label>
        <input id="po-from" type="date" value={form.effectiveFrom} onChange={set('effectiveFrom')} />
      </div>
      <div className="form-wide muted">
        Public price: {model ? <PublicPrice price={publicPrice.data} /> : 'enter a model'}
      </div>
      <div className="form-wide">
        <button type="submit" disabled={create.isPending}>{create.isPending ? 'Saving…' : 'Add price'}</button>
        {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
        {create.data && <RepricedNote repriced={create.data.repriced} />}
      </div>
    </form>
  );
}
