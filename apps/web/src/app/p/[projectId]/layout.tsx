import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { AppShell } from '@/components/app-shell';
import { listMyProjects } from '@/features/projects/server/list-my-projects';
import { getSessionUser } from '@/server/auth';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ projectId: string }> }) {
  const user = await getSessionUser(await headers());
  if (!user) redirect('/sign-in');
  const { projectId } = await params;
  const projects = await listMyProjects(getDb(), user.id);
  const project = projects.find((p) => p.id === projectId);
  if (!project) notFound();
  return (
    <Suspense>
      <AppShell project={project} projects={projects} email={user.email}>
        {children}
      </AppShell>
    </Suspense>
  );
}
