'use client';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@tierlens/format';
import { roleAtLeast } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';
import type { ChannelInput } from '../lib/channel-input';

/** Where budget and anomaly notifications go (email, Slack, signed webhooks), and the delivery log. Admins only. */
export function NotificationChannelsSection({ organizationId, role }: { organizationId: string; role: Role }) {
  const canEdit = roleAtLeast(role, 'admin');
  if (!canEdit) return <p className="muted role-note">Notification channels need the admin role; you are {role}.</p>;
  return <ChannelsEditor organizationId={organizationId} />;
}

function ChannelsEditor({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const channels = useQuery(trpc.notificationChannels.list.queryOptions({ organizationId }));
  const deliveries = useQuery(trpc.notificationChannels.deliveries.queryOptions({ organizationId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.notificationChannels.list.queryKey({ organizationId }) });
  const remove = useMutation(trpc.notificationChannels.delete.mutationOptions({ onSettled: invalidate }));
  const [form, setForm] = useState<ChannelInput>({ kind: 'email', name: '', target: '', events: ['budget', 'anomaly'] });
  const create = useMutation(trpc.notificationChannels.create.mutationOptions({ onSuccess: () => { setForm({ ...form, name: '', target: '' }); void invalidate(); } }));

  return (
    <>
      <div className="table-wrap">
        <table className="data" data-testid="channels-table">
          <thead><tr><th>Name</th><th>Kind</th><th>Sends to</th><th>Events</th><th /></tr></thead>
          <tbody>
            {channels.data?.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.kind}{c.signed && <span className="tag">signed</span>}</td>
                <td className="small-text">{c.target}</td>
                <td>{c.events.join(', ')}</td>
                <td><button type="button" className="secondary small danger" disabled={remove.isPending} onClick={() => remove.mutate({ organizationId, channelId: c.id })}>Delete</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        {channels.data?.length === 0 && <p className="muted">No channels: budgets and anomalies show on the Overview but notify nobody.</p>}
      </div>
      <details className="add-form">
        <summary>Add a channel</summary>
        <form onSubmit={(e) => { e.preventDefault(); create.mutate({ organizationId, channel: form }); }}>
          <div className="filters">
            <div>
              <label htmlFor="channel-kind">Kind</label>
              <select id="channel-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as ChannelInput['kind'] })}>
                <option value="email">email</option>
                <option value="slack">Slack incoming webhook</option>
                <option value="webhook">webhook (signed)</option>
              </select>
            </div>
            <div><label htmlFor="channel-name">Name</label><input id="channel-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required /></div>
            <div><label htmlFor="channel-target">{form.kind === 'email' ? 'Addresses (comma-separated)' : 'URL'}</label><input id="channel-target" value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })} required /></div>
          </div>
          <button type="submit" disabled={create.isPending}>Add channel</button>
          {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
        </form>
        {create.data?.secret && (
          <p className="notice" data-testid="webhook-secret">
            Signing secret, shown once: <code>{create.data.secret}</code>. Each request carries <code>tierlens-signature: t=…,v1=…</code>, the HMAC-SHA256 of <code>t.body</code>; refuse requests older than five minutes.
          </p>
        )}
      </details>
      <h3>Delivery log</h3>
      <div className="table-wrap">
        <table className="data" data-testid="deliveries-table">
          <thead><tr><th>When</th><th>Channel</th><th>Event</th><th>Status</th><th className="num">Attempts</th><th>Last error</th></tr></thead>
          <tbody>
            {deliveries.data?.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>{d.channel.name} <span className="muted">({d.channel.kind})</span></td>
                <td>{d.eventType}</td>
                <td>{d.status}{d.status === 'retry' && <span className="muted small-text"> next {formatDateTime(d.nextAttemptAt)}</span>}</td>
                <td className="num">{d.attempts}</td>
                <td className="small-text">{d.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {deliveries.data?.length === 0 && <p className="muted">Nothing sent yet.</p>}
      </div>
      {remove.error && <p className="error" role="alert">{errorMessage(remove.error)}</p>}
    </>
  );
}
