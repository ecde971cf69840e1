'use client';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@tierlens/format';
import { roleAtLeast } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';

/** The project's ingest keys (admins): list by prefix, create (secret shown once), revoke. */
export function ApiKeysSection({ projectId, role }: { projectId: string; role: Role }) {
  if (!roleAtLeast(role, 'admin')) {
    return <p className="muted role-note">API keys are managed by admins; you are {role}. Ask an admin for a key to send calls to this project.</p>;
  }
  return <ApiKeysManager projectId={projectId} />;
}

function ApiKeysManager({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ projectId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey({ projectId }) });
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [scope, setScope] = useState<'write' | 'read'>('write');
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (key, input) => { setSecret({ name: input.name ?? 'default', secret: key.secret }); setName(''); void invalidate(); },
    }),
  );
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSettled: invalidate }));

  return (
    <>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); setSecret(null); create.mutate({ projectId, name: name.trim() || 'default', scope }); }}>
        <label htmlFor="api-key-name" className="sr-only">Key name</label>
        <input id="api-key-name" placeholder="Key name, e.g. production" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="api-key-scope" className="sr-only">What the key may do</label>
        <select id="api-key-scope" value={scope} onChange={(e) => setScope(e.target.value as 'write' | 'read')}>
          <option value="write">send calls (write)</option>
          <option value="read">read API only (read)</option>
        </select>
        <button type="submit" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create API key'}</button>
      </form>
      {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
      {secret && (
        <div className="secret-box" role="status" data-testid="new-api-key">
          <p className="warning-text">
            <strong>Copy this key now: it is shown only once.</strong> Tierlens stores only a hash of it, so it cannot be shown again; if you lose it, create a new key and revoke this one.
          </p>
          <div className="copy-row">
            <code>{secret.secret}</code>
            <CopyButton text={secret.secret} label="Copy key" />
          </div>
          <button type="button" className="secondary small" onClick={() => setSecret(null)}>I have copied it</button>
        </div>
      )}
      {keys.error && <p className="error">{keys.error.message}</p>}
      <div className="table-wrap">
        <table className="data" data-testid="api-keys-table">
          <thead><tr><th>Name</th><th>Key</th><th>Can</th><th>Created</th><th>Last used</th><th>Status</th><th /></tr></thead>
          <tbody>
            {keys.data?.map((k) => (
              <tr key={k.id} className={k.revokedAt ? 'revoked' : undefined}>
                <td>{k.name}</td>
                <td><code>{k.prefix}…</code></td>
                <td>{k.scope === 'read' ? 'read API' : 'send calls, read API'}</td>
                <td>{formatDateTime(k.createdAt)}</td>
                <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : <span className="muted">never</span>}</td>
                <td>{k.revokedAt ? <span className="status canceled">revoked {formatDateTime(k.revokedAt)}</span> : <span className="status pending">active</span>}</td>
                <td>
                  {!k.revokedAt && (
                    <button
                      type="button"
                      className="secondary small danger"
                      disabled={revoke.isPending}
                      onClick={() => { if (window.confirm(`Revoke ${k.name} (${k.prefix}…)? Apps using it will stop sending calls right away.`)) revoke.mutate({ projectId, apiKeyId: k.id }); }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {keys.data && keys.data.length === 0 && <p className="muted">No keys yet.</p>}
      </div>
      {revoke.error && <p className="error" role="alert">{errorMessage(revoke.error)}</p>}
    </>
  );
}
