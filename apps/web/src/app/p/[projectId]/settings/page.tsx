import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { ApiKeysSection } from '@/features/api-keys/components/api-keys-section';
import { BudgetsSection } from '@/features/budgets/components/budgets-section';
import { NotificationChannelsSection } from '@/features/notification-channels/components/notification-channels-section';
import { CatalogSection } from '@/features/catalog-overrides/components/catalog-section';
import { InvitationsSection } from '@/features/invitations/components/invitations-section';
import { MembersSection } from '@/features/members/components/members-section';
import { PriceOverridesSection } from '@/features/price-overrides/components/price-overrides-section';
import { ProjectsSection } from '@/features/projects/components/projects-section';
import { getMyProject } from '@/features/projects/server/get-my-project';
import { ProviderCredentialsSection } from '@/features/evaluations/components/provider-credentials-section';
import { EmailReportsSection } from '@/features/report-subscriptions/components/email-reports-section';
import { getSessionUser } from '@/server/auth';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

const SECTIONS = [
  { id: 'projects', title: 'Projects' },
  { id: 'members', title: 'Members & invitations' },
  { id: 'api-keys', title: 'API keys' },
  { id: 'prices', title: 'Price overrides' },
  { id: 'catalog', title: 'Model catalog' },
  { id: 'providers', title: 'Provider credentials' },
  { id: 'budgets', title: 'Budgets' },
  { id: 'channels', title: 'Notification channels' },
  { id: 'reports', title: 'Email reports' },
] as const;

function Section({ id, children, note }: { id: (typeof SECTIONS)[number]['id']; children: React.ReactNode; note?: string }) {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  return (
    <section className="panel settings-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {note && <p className="muted section-note">{note}</p>}
      {children}
    </section>
  );
}

/** Settings of the project and its organization. The sections check roles again on the server; here they only decide what to show. */
export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await getSessionUser(await headers());
  if (!user) redirect('/sign-in');
  const { projectId } = await params;
  const project = await getMyProject(getDb(), user.id, projectId);
  if (!project) notFound();
  const { organizationId, role } = project;
  return (
    <>
      <h1 className="page-title">Settings</h1>
      <p className="page-sub">
        {project.organizationName} / {project.name} · your role: <strong>{role}</strong>
      </p>
      <nav className="settings-toc" aria-label="Settings sections">
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#${s.id}`}>{s.title}</a>
        ))}
      </nav>
      <Section id="projects" note={`Projects of ${project.organizationName}.`}>
        <ProjectsSection organizationId={organizationId} projectId={projectId} role={role} />
      </Section>
      <Section id="members" note={`Who can see ${project.organizationName} and what they can do.`}>
        <MembersSection organizationId={organizationId} role={role} userId={user.id} />
        <InvitationsSection organizationId={organizationId} role={role} />
      </Section>
      <Section id="api-keys" note={`Keys that send calls to ${project.name}.`}>
        <ApiKeysSection projectId={projectId} role={role} />
      </Section>
      <Section id="prices" note="Your own prices, used before the public price list for calls ingested from now on.">
        <PriceOverridesSection projectId={projectId} role={role} />
      </Section>
      <Section id="catalog" note={`Model tiers and capability evidence used for routing advice in ${project.organizationName}.`}>
        <CatalogSection organizationId={organizationId} role={role} />
      </Section>
      <Section id="providers" note={`Keys Tierlens uses to replay ${project.name}'s prompts on other models (replay evaluations).`}>
        <ProviderCredentialsSection projectId={projectId} role={role} />
      </Section>
      <Section id="budgets" note={`Spend limits per month or week for ${project.name} or all of ${project.organizationName}; informational, they never block calls.`}>
        <BudgetsSection projectId={projectId} role={role} />
      </Section>
      <Section id="channels" note={`Where ${project.organizationName}'s budget and anomaly notifications go.`}>
        <NotificationChannelsSection organizationId={organizationId} role={role} />
      </Section>
      <Section id="reports" note={`Your own weekly email report for ${project.name}.`}>
        <EmailReportsSection projectId={projectId} />
      </Section>
    </>
  );
}
