'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { useTRPC } from '@/trpc/client';

/** What is evaluated: a query type (× feature) on its current model, against a candidate. */
export interface EvaluationScope {
  queryType: string;
  feature: string;
  provider: string | null;
  currentModel: string;
  candidateModel: string;
}

/**
 * Starts a replay evaluation: N captured prompts of the scope (or an uploaded JSONL file) replayed
 * on the candidate through a provider credential, judged pairwise or by exact match, under a spend cap.
 */
export function EvaluateForm({ projectId, scope, onDone }: { projectId: string; scope: EvaluationScope; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const credentials = useQuery(trpc.evaluations.credentials.queryOptions({ projectId }));
  const [f, setF] = useState({ candidateModel: scope.candidateModel, judgeModel: scope.currentModel, credentialId: '', sampleSize: '50', spendCapUsd: '5', method: 'pairwise' as 'pairwise' | 'exact_match', upload: '' });
  const start = useMutation(
    trpc.evaluations.start.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.evaluations.list.queryKey({ projectId }) });
        onDone();
      },
    }),
  );
  const credentialId = f.credentialId || credentials.data?.[0]?.id || '';
  if (credentials.data && credentials.data.length === 0) {
    return (
      <p className="muted" data-testid="evaluate-needs-credential">
        An evaluation replays your prompts through your own provider key. <Link href={`/p/${projectId}/settings#providers`}>Add a provider credential</Link> first (admins).
      </p>
    );
  }
  return (
    <form
      className="inline-form evaluate-form"
      data-testid="evaluate-form"
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate({
          projectId,
          evaluation: {
            queryType: scope.queryType,
            feature: scope.feature,
            provider: scope.provider,
            currentModel: scope.currentModel,
            candidateModel: f.candidateModel.trim(),
            method: f.method,
            judgeModel: f.method === 'pairwise' ? f.judgeModel.trim() : null,
            currentCredentialId: credentialId,
            sampleSize: Number(f.sampleSize),
            spendCapUsd: f.spendCapUsd.trim(),
            upload: f.upload || null,
          },
        });
      }}
    >
      <label>Candidate <input aria-label="Candidate model" value={f.candidateModel} required onChange={(e) => setF({ ...f, candidateModel: e.target.value })} /></label>
      <label>
        Judging
        <select aria-label="Judging" value={f.method} onChange={(e) => setF({ ...f, method: e.target.value as 'pairwise' | 'exact_match' })}>
          <option value="pairwise">Pairwise judge</option>
          <option value="exact_match">Exact match (upload with references)</option>
        </select>
      </label>
      {f.method === 'pairwise' && <label>Judge <input aria-label="Judge model" value={f.judgeModel} required onChange={(e) => setF({ ...f, judgeModel: e.target.value })} /></label>}
      <label>
        Credential
        <select aria-label="Credential" value={credentialId} onChange={(e) => setF({ ...f, credentialId: e.target.value })}>
          {credentials.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <label>Prompts <input aria-label="Sample size" type="number" min={1} max={500} value={f.sampleSize} onChange={(e) => setF({ ...f, sampleSize: e.target.value })} /></label>
      <label>Spend cap (USD) <input aria-label="Spend cap" value={f.spendCapUsd} required onChange={(e) => setF({ ...f, spendCapUsd: e.target.value })} /></label>
      <label>
        Or upload JSONL
        <input aria-label="Upload prompts" type="file" accept=".jsonl,.json,.txt" onChange={async (e) => setF({ ...f, upload: (await e.target.files?.[0]?.text()) ?? '' })} />
      </label>
      <button type="submit" disabled={start.isPending || !credentialId}>{start.isPending ? 'Starting…' : 'Start evaluation'}</button>
      <button type="button" className="secondary" onClick={onDone}>Close</button>
      {start.error && <p className="error" role="alert">{errorMessage(start.error)}</p>}
    </form>
  );
}
