'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/client';

/** Shown until a project has calls: how to send the first one, with this project's endpoint and a key. */
export function FirstCallEmptyState({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const info = useQuery(trpc.projects.connectionInfo.queryOptions({ projectId }));
  const [key, setKey] = useState<string | null>(null);
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: (k) => setKey(k.secret) }));
  const endpoint = info.data?.ingestUrl ?? 'http://localhost:4318';
  const apiKey = key ?? '<your project API key>';
  const canCreate = info.data && (info.data.role === 'admin' || info.data.role === 'owner');
  const snippet = `npm install @tierlens/sdk openai

import OpenAI from 'openai';
import { init, wrapOpenAI } from '@tierlens/sdk';

init({ apiKey: '${apiKey}', endpoint: '${endpoint}' });
const openai = wrapOpenAI(new OpenAI());`;
  const otel = `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${endpoint}/v1/traces
OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer ${apiKey}"`;
  return (
    <section className="panel empty" data-testid="first-call">
      <h2>No calls yet: send your first one</h2>
      <p className="muted">Wrap your LLM client with the Tierlens SDK, or point any OpenTelemetry exporter at the ingest.</p>
      {canCreate && !key && (
        <p><button type="button" onClick={() => create.mutate({ projectId, name: 'first call' })} disabled={create.isPending}>Create an API key for this snippet</button></p>
      )}
      {key && <p className="muted">This key is shown once. Copy it now.</p>}
      <pre className="snippet">{snippet}</pre>
      <button type="button" className="secondary small" onClick={() => navigator.clipboard?.writeText(snippet)}>Copy</button>
      <p className="muted" style={{ marginTop: 16 }}>Or, with an existing OpenTelemetry setup:</p>
      <pre className="snippet">{otel}</pre>
      <button type="button" className="secondary small" onClick={() => navigator.clipboard?.writeText(otel)}>Copy</button>
    </section>
  );
}
