'use client';
import type { CapabilityQueryType } from '@tierlens/analyzer';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';

/** An evidence entry as the catalog lists it. */
export interface EvidenceItem {
  benchmark: string;
  score: { low: number; high: number; point: number | null };
  sampleSize: number | null;
  method: string | null;
  source: string;
  date: string;
  note: string | null;
}

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const num = (v: string) => (v.trim() === '' ? null : Number(v));

/** Adds an evidence entry to a model's query type, or edits `editing` (the catalog validates it on the server). */
export function EvidenceForm({
  organizationId, modelId, queryTypes, initialQueryType, editing, onDone,
}: {
  organizationId: string;
  modelId: string;
  queryTypes: CapabilityQueryType[];
  initialQueryType?: CapabilityQueryType;
  editing?: EvidenceItem;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [f, setF] = useState({
    queryType: initialQueryType ?? queryTypes[0] ?? ('coding' as CapabilityQueryType),
    benchmark: editing?.benchmark ?? '',
    point: text(editing?.score.point ?? (editing && editing.score.low === editing.score.high ? editing.score.low : null)),
    low: editing && editing.score.low !== editing.score.high ? text(editing.score.low) : '',
    high: editing && editing.score.low !== editing.score.high ? text(editing.score.high) : '',
    sampleSize: text(editing?.sampleSize),
    method: editing?.method ?? '',
    source: editing?.source ?? '',
    date: editing?.date ?? '',
    note: editing?.note ?? '',
  });
  const put = useMutation(trpc.catalogOverrides.putEvidence.mutationOptions({ onSuccess: onDone }));
  const set = (key: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [key]: e.target.value });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const point = num(f.point);
    const low = num(f.low) ?? point;
    const high = num(f.high) ?? point;
    put.mutate({
      organizationId,
      modelId,
      queryType: f.queryType,
      evidence: {
        benchmark: f.benchmark,
        score: { low: low ?? Number.NaN, high: high ?? Number.NaN, point },
        sampleSize: num(f.sampleSize),
        method: f.method.trim() || null,
        source: f.source,
        date: f.date.trim(),
        note: f.note.trim() || null,
      },
      replaces: editing ? { benchmark: editing.benchmark, source: editing.source } : null,
    });
  }

  const id = (k: string) => `ev-${modelId}-${k}`;
  return (
    <form className="form-grid evidence-form" onSubmit={submit}>
      <div>
        <label htmlFor={id('qt')}>Query type</label>
        <select id={id('qt')} value={f.queryType} onChange={set('queryType')} disabled={Boolean(editing)}>
          {queryTypes.map((q) => <option key={q} value={q}>{queryTypeLabel(q)}</option>)}
        </select>
      </div>
      <div className="form-wide-2">
        <label htmlFor={id('bm')}>Benchmark</label>
        <input id={id('bm')} placeholder="e.g. GPQA Diamond, or your own eval" value={f.benchmark} onChange={set('benchmark')} required />
      </div>
      <div>
        <label htmlFor={id('pt')}>Score %</label>
        <input id={id('pt')} inputMode="decimal" placeholder="e.g. 85" value={f.point} onChange={set('point')} />
      </div>
      <div>
        <label htmlFor={id('lo')}>Range low % (optional)</label>
        <input id={id('lo')} inputMode="decimal" value={f.low} onChange={set('low')} />
      </div>
      <div>
        <label htmlFor={id('hi')}>Range high % (optional)</label>
        <input id={id('hi')} inputMode="decimal" value={f.high} onChange={set('high')} />
      </div>
      <div>
        <label htmlFor={id('n')}>Items (optional)</label>
        <input id={id('n')} inputMode="numeric" value={f.sampleSize} onChange={set('sampleSize')} />
      </div>
      <div>
        <label htmlFor={id('date')}>Date</label>
        <input id={id('date')} placeholder="YYYY-MM or YYYY-MM-DD" value={f.date} onChange={set('date')} required />
      </div>
      <div className="form-wide-2">
        <label htmlFor={id('src')}>Source (URL or citation)</label>
        <input id={id('src')} value={f.source} onChange={set('source')} required />
      </div>
      <div>
        <label htmlFor={id('m')}>Method (optional)</label>
        <input id={id('m')} placeholder="e.g. Wilson 95% interval" value={f.method} onChange={set('method')} />
      </div>
      <div className="form-wide-2">
        <label htmlFor={id('note')}>Note (optional)</label>
        <input id={id('note')} value={f.note} onChange={set('note')} />
      </div>
      <div className="form-wide row-actions">
        <button type="submit" className="small" disabled={put.isPending}>{editing ? 'Replace evidence' : 'Add evidence'}</button>
        <button type="button" className="secondary small" onClick={onDone}>Cancel</button>
      </div>
      {put.error && <p className="error form-wide" role="alert">{errorMessage(put.error)}</p>}
    </form>
  );
}
