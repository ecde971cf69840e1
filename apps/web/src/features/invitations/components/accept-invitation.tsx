'use client';
import type { Role } from '@tierlens/db';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '@/lib/auth-client';
import { errorMessage } from '@/lib/error-message';
import { formatDate } from '@tierlens/format';
import { useTRPC } from '@/trpc/client';
import { invitationUnusableReason, type InvitationStatus } from '../lib/invitation-status';

export interface InvitationForInvitee {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  expiresAt: Date;
  organizationName: string;
  invitedBy: string;
  hasAccount: boolean;
}

/**
 * The invitation page: accept as the signed-in user, sign in first (the invited email has an
 * account), or create the account with a name and password, then sign in.
 */
export function AcceptInvitation({ invitation, signedInAs }: { invitation: InvitationForInvitee | null; signedInAs: string | null }) {
  if (!invitation) {
    return (
      <>
        <h1>Invitation not found</h1>
        <p className="muted">This invitation link is not valid. Check that you copied all of it, or ask for a new one.</p>
      </>
    );
  }
  const heading = <h1>Join {invitation.organizationName}</h1>;
  if (invitation.status !== 'pending') {
    return (
      <>
        {heading}
        <p className="error">{invitationUnusableReason(invitation.status)}</p>
        <p><Link href="/">Go to Tierlens</Link></p>
      </>
    );
  }
  const intro = (
    <p className="muted">
      {invitation.invitedBy} invited <strong>{invitation.email}</strong> to join as <strong>{invitation.role}</strong>. The link works once, until{' '}
      <span suppressHydrationWarning>{formatDate(invitation.expiresAt)}</span>.
    </p>
  );
  let body: React.ReactNode;
  if (signedInAs && signedInAs.toLowerCase() === invitation.email.toLowerCase()) body = <AcceptAsSignedIn invitationId={invitation.id} />;
  else if (signedInAs) body = <WrongAccount signedInAs={signedInAs} email={invitation.email} />;
  else if (invitation.hasAccount) body = <SignInAndAccept invitationId={invitation.id} email={invitation.email} />;
  else body = <CreateAccountAndAccept invitationId={invitation.id} email={invitation.email} />;
  return (
    <>
      {heading}
      {intro}
      {body}
    </>
  );
}

function useAccept() {
  const trpc = useTRPC();
  const router = useRouter();
  return useMutation(
    trpc.invitations.accept.mutationOptions({ onSuccess: (joined) => router.replace(joined.projectId ? `/p/${joined.projectId}` : '/') }),
  );
}

function AcceptAsSignedIn({ invitationId }: { invitationId: string }) {
  const accept = useAccept();
  return (
    <>
      <button type="button" onClick={() => accept.mutate({ invitationId })} disabled={accept.isPending}>{accept.isPending ? 'Joining…' : 'Accept invitation'}</button>
      {accept.error && <p className="error" role="alert">{errorMessage(accept.error)}</p>}
    </>
  );
}

function WrongAccount({ signedInAs, email }: { signedInAs: string; email: string }) {
  const router = useRouter();
  return (
    <>
      <p className="warning">You are signed in as {signedInAs}, but this invitation is for {email}. Sign out, then open the link again.</p>
      <button type="button" className="secondary" onClick={async () => { await authClient.signOut(); router.refresh(); }}>Sign out</button>
    </>
  );
}

function SignInAndAccept({ invitationId, email }: { invitationId: string; email: string }) {
  const accept = useAccept();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const { error: signInError } = await authClient.signIn.email({ email, password: String(new FormData(e.currentTarget).get('password')) });
    setBusy(false);
    if (signInError) setError(signInError.message ?? 'Sign-in failed.');
    else accept.mutate({ invitationId });
  }
  return (
    <form onSubmit={onSubmit}>
      <p>An account for {email} exists: sign in to accept.</p>
      <label htmlFor="invite-password">Password</label>
      <input id="invite-password" name="password" type="password" autoComplete="current-password" required />
      <div style={{ marginTop: 18 }}>
        <button type="submit" disabled={busy || accept.isPending}>{busy || accept.isPending ? 'Joining…' : 'Sign in and accept'}</button>
      </div>
      {(error || accept.error) && <p className="error" role="alert">{error ?? errorMessage(accept.error)}</p>}
    </form>
  );
}

function CreateAccountAndAccept({ invitationId, email }: { invitationId: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.invitations.acceptWithNewAccount.mutationOptions());
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get('password'));
    if (password !== String(form.get('confirm'))) {
      setError('The passwords do not match.');
      return;
    }
    setError(null);
    try {
      const joined = await create.mutateAsync({ invitationId, name: String(form.get('name')), password });
      const { error: signInError } = await authClient.signIn.email({ email: joined.email, password });
      if (signInError) {
        setError(`Your account was created, but signing in failed (${signInError.message ?? 'unknown error'}). Sign in from the sign-in page.`);
        return;
      }
      router.replace(joined.projectId ? `/p/${joined.projectId}` : '/');
    } catch (err) {
      setError(errorMessage(err as { message: string }));
    }
  }
  return (
    <form onSubmit={onSubmit}>
      <p>Create your account for <strong>{email}</strong>.</p>
      <label htmlFor="invite-name">Your name</label>
      <input id="invite-name" name="name" autoComplete="name" required maxLength={100} />
      <label htmlFor="invite-new-password">Password (at least 10 characters)</label>
      <input id="invite-new-password" name="password" type="password" autoComplete="new-password" minLength={10} maxLength={128} required />
      <label htmlFor="invite-confirm">Repeat the password</label>
      <input id="invite-confirm" name="confirm" type="password" autoComplete="new-password" minLength={10} maxLength={128} required />
      <div style={{ marginTop: 18 }}>
        <button type="submit" disabled={create.isPending}>{create.isPending ? 'Creating your account…' : 'Create account and join'}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {error?.startsWith('Your account was created') && <p><Link href="/sign-in">Sign in</Link></p>}
    </form>
  );
}
