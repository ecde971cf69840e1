import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { OverviewTotals } from '@/features/overview/components/overview-totals';
import { listMyProjects } from '@/features/projects/server/list-my-projects';
import { getSessionUser } from '@/server/auth';
import { getDb } from '@/server/db';
import { SignOutButton } from './sign-out-button';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect('/sign-in');
  const projects = await listMyProjects(getDb(), user.id);
  const project = projects[0];
  return (
    <>
      <header className="topbar">
        <span className="brand">Tierlens</span>
        <span className="muted">{project ? `${project.organizationName} / ${project.name}` : 'No project'}</span>
        <SignOutButton email={user.email} />
      </header>
      <main className="shell">
        <h1 style={{ margin: '8px 0 0', fontSize: 24 }}>Overview</h1>
        <p className="muted" style={{ margin: '4px 0 0' }}>Last 30 days</p>
        {project ? <OverviewTotals projectId={project.id} /> : <p>You are not a member of any project yet.</p>}
      </main>
    </>
  );
}
