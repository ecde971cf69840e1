'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { RANGE_LABELS, RANGE_PRESETS, type RangePreset } from '@/lib/time-range';
import { authClient } from '@/lib/auth-client';
import { useRange } from '@/lib/use-range';

export interface ShellProject {
  id: string;
  name: string;
  organizationName: string;
}

const NAV = [
  { href: '', label: 'Overview' },
  { href: '/query-types', label: 'Query types' },
  { href: '/models', label: 'Models' },
  { href: '/savings', label: 'Savings' },
  { href: '/rules', label: 'Rules' },
  { href: '/calls', label: 'Calls' },
  { href: '/reports', label: 'Reports' },
  { href: '/settings', label: 'Settings' },
];

/** Top bar (project switcher, range picker, user) and navigation around every project page. */
export function AppShell({ project, projects, email, children }: { project: ShellProject; projects: ShellProject[]; email: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const params = useSearchParams();
  const { preset, setPreset } = useRange();
  const base = `/p/${project.id}`;
  const query = params.toString() ? `?${params.toString()}` : '';
  const section = pathname.slice(base.length) || '';
  return (
    <div className="app">
      <header className="topbar">
        <Link href={`${base}${query}`} className="brand">Tierlens</Link>
        <select
          aria-label="Project"
          className="project-switcher"
          value={project.id}
          onChange={(e) => router.push(`/p/${e.target.value}${section.startsWith('/calls/') ? '/calls' : section}${query}`)}
        >
          {projects.map((p) => (
            <option key={p.id} value={p.id}>{`${p.organizationName} / ${p.name}`}</option>
          ))}
        </select>
        <div className="spacer" />
        <div className="range-picker" role="group" aria-label="Time range">
          {RANGE_PRESETS.map((p) => (
            <button key={p} type="button" className={p === preset ? 'active' : ''} aria-pressed={p === preset} title={RANGE_LABELS[p]} onClick={() => setPreset(p as RangePreset)}>
              {p}
            </button>
          ))}
        </div>
        <span className="muted user-email">{email}</span>
        <button className="secondary small" onClick={async () => { await authClient.signOut(); router.replace('/sign-in'); }}>Sign out</button>
      </header>
      <nav className="sidenav" aria-label="Sections">
        {NAV.map((n) => {
          const active = n.href === '' ? section === '' : section.startsWith(n.href);
          return (
            <Link key={n.href} href={`${base}${n.href}${query}`} className={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
              {n.label}
            </Link>
          );
        })}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
