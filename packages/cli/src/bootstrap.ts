import { randomBytes } from 'node:crypto';
import { createUserWithPassword } from '@tierlens/auth';
import { createApiKey, createOrganization, createProject, type Db } from '@tierlens/db';

export type BootstrapResult =
  | { created: true; email: string; password: string; organizationId: string; projectId: string; apiKey: string }
  | { created: false; email: string | null; projectId: string | null };

export const FIRST_USER_EMAIL = 'admin@tierlens.local';

/**
 * On the very first start (no user yet): a first user with a generated password, who owns a
 * first organization with a first project and its API key. Later starts change nothing and
 * report who can sign in. Safe against two processes starting at once (the second sees the
 * unique email and reports instead).
 */
export async function bootstrapFirstRun(db: Db, options: { email?: string } = {}): Promise<BootstrapResult> {
  const existing = await db.user.count();
  if (existing === 0) {
    const email = options.email ?? process.env.TIERLENS_ADMIN_EMAIL ?? FIRST_USER_EMAIL;
    const password = randomBytes(12).toString('base64url');
    try {
      const user = await createUserWithPassword(db, { email, name: 'Admin', password });
      const org = await createOrganization(db, { name: 'My organization', ownerId: user.id });
      const project = await createProject(db, { organizationId: org.id, name: 'default' });
      const key = await createApiKey(db, { projectId: project.id, name: 'first key', createdById: user.id });
      await db.reportSubscription.create({ data: { userId: user.id, projectId: project.id } });
      return { created: true, email: user.email, password, organizationId: org.id, projectId: project.id, apiKey: key.secret };
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002') throw err;
    }
  }
  const owner = await db.member.findFirst({ where: { role: 'owner' }, orderBy: { createdAt: 'asc' }, select: { user: { select: { email: true } }, organizationId: true } });
  const project = owner
    ? await db.project.findFirst({ where: { organizationId: owner.organizationId }, orderBy: { createdAt: 'asc' }, select: { id: true } })
    : null;
  return { created: false, email: owner?.user.email ?? null, projectId: project?.id ?? null };
}
