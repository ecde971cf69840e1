'use client';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { formatDate } from '@tierlens/format';
import { roleReason } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';

/** The organization's projects: list, create and rename (admins). */
export function ProjectsSection({ organizationId, projectId, role }: { organizationId: string; projectId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const projects = useQuery(trpc.projects.listInOrganization.queryOptions({ organizationId }));
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.projects.pathKey() });
    router.refresh(); // the project switcher is rendered on the server
  };
  const create = useMutation(trpc.projects.create.mutationOptions({ onSuccess: async () => { setName(''); await refresh(); } }));
  const rename = useMutation(trpc.projects.rename.mutationOptions({ onSuccess: async () => { setEditing(null); await refresh(); } }));
  const denied = roleReason(role, 'admin');

  if (projects.error) return <p className="error">{projects.error.message}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="data" data-testid="projects-table">
          <thead><tr><th>Name</th><th>Created</th><th /></tr></thead>
          <tbody>
            {projects.data?.map((p) => (
              <tr key={p.id}>
                <td>
                  {editing?.id === p.id ? (
                    <form
                      className="inline-form"
                      onSubmit={(e) => { e.preventDefault(); rename.mutate({ projectId: p.id, name: editing.name }); }}
                    >
                      <input aria-label="New project name" value={editing.name} maxLength={80} onChange={(e) => setEditing({ id: p.id, name: e.target.value })} autoFocus />
                      <button type="submit" className="small" disabled={rename.isPending || !editing.name.trim()}>Save</button>
                      <button type="button" className="secondary small" onClick={() => setEditing(null)}>Cancel</button>
                    </form>
                  ) : (
                    <>
                      {p.id === projectId ? <strong>{p.name}</strong> : <Link href={`/p/${p.id}/settings`}>{p.name}</Link>}
                      {p.id === projectId && <span className="tag">this project</span>}
                    </>
                  )}
                </td>
                <td>{formatDate(p.createdAt)}</td>
                <td>
                  {editing?.id !== p.id && (
                    <button type="button" className="secondary small" disabled={denied !== null} title={denied ?? undefined} onClick={() => setEditing({ id: p.id, name: p.name })}>
                      Rename
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rename.error && <p className="error" role="alert">{errorMessage(rename.error)}</p>}
      {denied ? (
        <p className="muted role-note">Creating and renaming projects needs the admin role; you are {role}.</p>
      ) : (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); create.mutate({ organizationId, name }); }}>
          <label htmlFor="new-project-name" className="sr-only">New project name</label>
          <input id="new-project-name" placeholder="New project name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={create.isPending || !name.trim()}>{create.isPending ? 'Creating…' : 'Create project'}</button>
        </form>
      )}
      {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
      {create.data && (
        <p className="muted">
          Created <Link href={`/p/${create.data.id}`}>{create.data.name}</Link>. Create an API key there to send its calls.
        </p>
      )}
    </>
  );
}
