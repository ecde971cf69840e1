import { headers } from 'next/headers';
import { AcceptInvitation } from '@/features/invitations/components/accept-invitation';
import { getInvitationForInvitee } from '@/features/invitations/server/get-invitation-for-invitee';
import { getSessionUser } from '@/server/auth';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

/** `/invite/<id>`: join an organization from an invitation link. */
export default async function InvitePage({ params }: { params: Promise<{ invitationId: string }> }) {
  const { invitationId } = await params;
  const [invitation, user] = await Promise.all([getInvitationForInvitee(getDb(), invitationId), getSessionUser(await headers())]);
  return (
    <div className="auth-box">
      <AcceptInvitation invitation={invitation} signedInAs={user?.email ?? null} />
    </div>
  );
}
