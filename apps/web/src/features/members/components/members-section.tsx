'use client';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { errorMessage } from '@/lib/error-message';
import { formatDate } from '@tierlens/format';
import { ROLE_NAMES, roleAtLeast } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';

const ROLE_HELP: Record<Role, string> = {
  owner: 'everything, including owners',
  admin: 'members, projects, keys, prices',
  member: 'uses the dashboard',
  viewer: 'read-only',
};

/** Why `actor` cannot change or remove `target`, or null when they can (the server checks the same rules). */
function blockedReason(actor: Role, target: Role, owners: number): string | null {
  if (!roleAtLeast(actor, 'admin')) return `Needs the admin role; you are ${actor}.`;
  if (target === 'owner' && actor !== 'owner') return 'Only owners can change an owner.';
  if (target === 'owner' && owners <= 1) return 'The last owner: make someone else an owner first.';
  return null;
}

/** The organization's members with their roles: change a role or remove a member (admins). */
export function MembersSection({ organizationId, role, userId }: { organizationId: string; role: Role; userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const members = useQuery(trpc.members.list.queryOptions({ organizationId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ organizationId }) });
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: () => { void invalidate(); router.refresh(); } }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSettled: invalidate }));
  const owners = members.data?.filter((m) => m.role === 'owner').length ?? 0;

  if (members.error) return <p className="error">{members.error.message}</p>;
  return (
    <>
      <h3>Members</h3>
      <div className="table-wrap">
        <table className="data" data-testid="members-table">
          <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Joined</th><th /></tr></thead>
          <tbody>
            {members.data?.map((m) => {
              const blocked = blockedReason(role, m.role, owners);
              const self = m.userId === userId;
              return (
                <tr key={m.id}>
                  <td>{m.name}{self && <span className="tag">you</span>}</td>
                  <td>{m.email}</td>
                  <td>
                    <select
                      aria-label={`Role of ${m.email}`}
                      value={m.role}
                      disabled={blocked !== null || changeRole.isPending}
                      title={blocked ?? ROLE_HELP[m.role]}
                      onChange={(e) => {
                        const next = e.target.value as Role;
                        if (self && !roleAtLeast(next, 'admin') && !window.confirm('You will lose the right to manage members. Continue?')) return;
                        changeRole.mutate({ organizationId, memberId: m.id, role: next });
                      }}
                    >
                      {ROLE_NAMES.filter((r) => r !== 'owner' || role === 'owner' || m.role === 'owner').map((r) => (
                        <option key={r} value={r}>{r}</option>
                      ))}
                    </select>
                  </td>
                  <td>{formatDate(m.joinedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary small danger"
                      disabled={blocked !== null || remove.isPending}
                      title={blocked ?? undefined}
                      onClick={() => {
                        const question = self ? 'Leave this organization? You will lose access to its projects.' : `Remove ${m.email} from the organization?`;
                        if (!window.confirm(question)) return;
                        remove.mutate({ organizationId, memberId: m.id }, { onSuccess: () => { if (self) router.replace('/'); } });
                      }}
                    >
                      {self ? 'Leave' : 'Remove'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {(changeRole.error || remove.error) && <p className="error" role="alert">{errorMessage(changeRole.error ?? remove.error)}</p>}
      <p className="muted role-note">
        Roles: {ROLE_NAMES.map((r) => `${r} (${ROLE_HELP[r]})`).join(' · ')}.
        {!roleAtLeast(role, 'admin') && ` Changing roles needs the admin role; you are ${role}.`}
      </p>
    </>
  );
}
