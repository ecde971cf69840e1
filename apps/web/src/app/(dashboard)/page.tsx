import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { listMyProjects } from '@/features/projects/server/list-my-projects';
import { getSessionUser } from '@/server/auth';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

/** `/`: the first project's overview, or sign-in. */
export default async function Home() {
  const user = await getSessionUser(await headers());
  if (!user) redirect('/sign-in');
  const projects = await listMyProjects(getDb(), user.id);
  if (!projects[0]) return <main className="shell"><h1>No project yet</h1><p>Ask an owner of your organization to invite you to a project.</p></main>;
  redirect(`/p/${projects[0].id}`);
}
