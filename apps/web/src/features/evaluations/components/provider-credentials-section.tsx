'use client';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@tierlens/format';
import { roleAtLeast } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';

/**
 * The project's provider credentials, used by replay evaluations: admins add (the key is sealed
 * at once and never shown again) and remove them; everyone sees their names.
 */
export function ProviderCredentialsSection({ projectId, role }: { projectId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.evaluations.credentials.queryOptions({ projectId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.evaluations.credentials.queryKey({ projectId }) });
  const [form, setForm] = useState({ name: '', kind: 'openai' as 'openai' | 'anthropic', baseUrl: '', apiKey: '' });
  const add = useMutation(trpc.evaluations.addCredential.mutationOptions({ onSuccess: () => { setForm({ name: '', kind: 'openai', baseUrl: '', apiKey: '' }); void invalidate(); } }));
  const remove = useMutation(trpc.evaluations.removeCredential.mutationOptions({ onSettled: invalidate }));
  const admin = roleAtLeast(role, 'admin');
  return (
    <>
      {admin ? (
        <form
          className="inline-form"
          data-testid="credential-form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ projectId, credential: { name: form.name.trim(), kind: form.kind, baseUrl: form.baseUrl.trim() || null, apiKey: form.apiKey } });
          }}
        >
          <input aria-label="Credential name" placeholder="Name, e.g. openai" value={form.name} maxLength={80} required onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <select aria-label="Provider" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'openai' | 'anthropic' })}>
            <option value="openai">OpenAI-compatible</option>
            <option value="anthropic">Anthropic</option>
          </select>
          <input aria-label="Base URL" placeholder={form.kind === 'openai' ? 'Base URL (default https://api.openai.com/v1)' : 'Base URL (optional)'} value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} />
          <input aria-label="API key" type="password" autoComplete="off" placeholder="API key" value={form.apiKey} required onChange={(e) => setForm({ ...form, apiKey: e.target.value })} />
          <button type="submit" disabled={add.isPending}>{add.isPending ? 'Saving…' : 'Add credential'}</button>
        </form>
      ) : (
        <p className="muted role-note">Provider credentials are managed by admins; you are {role}.</p>
      )}
      {add.error && <p className="error" role="alert">{errorMessage(add.error)}</p>}
      <p className="muted small-text">Keys are encrypted at rest (AES-256-GCM) and are never shown again, not even to admins.</p>
      <div className="table-wrap">
        <table className="data" data-testid="credentials-table">
          <thead><tr><th>Name</th><th>Provider</th><th>Base URL</th><th>Added</th><th /></tr></thead>
          <tbody>
            {list.data?.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.kind === 'openai' ? 'OpenAI-compatible' : 'Anthropic'}</td>
                <td>{c.baseUrl ?? <span className="muted">default</span>}</td>
                <td>{formatDateTime(c.createdAt)}</td>
                <td>
                  {admin && (
                    <button type="button" className="secondary small danger" disabled={remove.isPending} onClick={() => { if (window.confirm(`Remove ${c.name}? Evaluations using it will stop.`)) remove.mutate({ projectId, credentialId: c.id }); }}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
