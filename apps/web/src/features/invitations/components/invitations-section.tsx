'use client';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@tierlens/format';
import { ROLE_NAMES, roleAtLeast } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';

/** Invite by link (admins): create a link for an email and role, copy it, revoke open ones. */
export function InvitationsSection({ organizationId, role }: { organizationId: string; role: Role }) {
  const canInvite = roleAtLeast(role, 'admin');
  return (
    <>
      <h3>Invitations</h3>
      {canInvite ? (
        <InvitationsManager organizationId={organizationId} role={role} />
      ) : (
        <p className="muted role-note">Inviting people needs the admin role; you are {role}. Ask an admin or owner for an invitation link.</p>
      )}
    </>
  );
}

function InvitationsManager({ organizationId, role }: { organizationId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.invitations.list.queryOptions({ organizationId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey({ organizationId }) });
  const [email, setEmail] = useState('');
  const [inviteRole, setInviteRole] = useState<Role>('member');
  const create = useMutation(trpc.invitations.create.mutationOptions({ onSuccess: () => { setEmail(''); void invalidate(); } }));
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions({ onSettled: invalidate }));

  return (
    <>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); create.mutate({ organizationId, email, role: inviteRole }); }}>
        <label htmlFor="invite-email" className="sr-only">Email</label>
        <input id="invite-email" type="email" placeholder="name@company.com" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <label htmlFor="invite-role" className="sr-only">Role</label>
        <select id="invite-role" value={inviteRole} onChange={(e) => setInviteRole(e.target.value as Role)}>
          {ROLE_NAMES.filter((r) => r !== 'owner' || role === 'owner').map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
        <button type="submit" disabled={create.isPending || !email.trim()}>{create.isPending ? 'Inviting…' : 'Invite'}</button>
      </form>
      {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
      {create.data && (
        <div className="secret-box" data-testid="new-invitation">
          <p>
            {create.data.delivery === 'smtp' && <>Emailed the link to <strong>{create.data.email}</strong>. </>}
            {create.data.delivery === 'outbox' && <>No SMTP server is set up (SMTP_URL), so the email was written to the outbox folder: send this link to <strong>{create.data.email}</strong> yourself. </>}
            {create.data.delivery === null && <>The email could not be sent ({create.data.notifyError}): send this link to <strong>{create.data.email}</strong> yourself. </>}
            It can be used once, until{' '}
            {formatDateTime(create.data.expiresAt)}; anyone with it can join as {create.data.role}.
          </p>
          <div className="copy-row">
            <code>{create.data.link}</code>
            <CopyButton text={create.data.link} label="Copy link" />
          </div>
        </div>
      )}
      {invitations.error && <p className="error">{invitations.error.message}</p>}
      {invitations.data && invitations.data.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="invitations-table">
            <thead><tr><th>Email</th><th>Role</th><th>Status</th><th>Expires</th><th>Invited by</th><th /></tr></thead>
            <tbody>
              {invitations.data.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{i.role}</td>
                  <td><span className={`status ${i.status}`}>{i.status}</span></td>
                  <td>{formatDateTime(i.expiresAt)}</td>
                  <td>{i.invitedBy}</td>
                  <td>
                    <div className="row-actions">
                      {i.status === 'pending' && <CopyButton text={i.link} label="Copy link" />}
                      <button
                        type="button"
                        className="secondary small danger"
                        disabled={revoke.isPending}
                        onClick={() => { if (window.confirm(`Revoke the invitation for ${i.email}? The link will stop working.`)) revoke.mutate({ organizationId, invitationId: i.id }); }}
                      >
                        {i.status === 'pending' ? 'Revoke' : 'Remove'}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoke.error && <p className="error" role="alert">{errorMessage(revoke.error)}</p>}
    </>
  );
}
