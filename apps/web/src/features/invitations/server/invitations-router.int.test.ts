import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '@tierlens/auth';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { startSmtpTestServer, type SmtpTestServer } from '@tierlens/reports/testing';
import { callerFor } from '@/test-support/caller-for';
import { createInvitation, type CreatedInvitation } from './create-invitation';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });
const anonymous = callerFor(db, null);
const freshEmail = () => `invitee-${randomUUID().slice(0, 8)}@example.test`;
const saved = { ...process.env };
let smtp: SmtpTestServer;
let dataDir: string;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  dataDir = mkdtempSync(join(tmpdir(), 'tierlens-web-invitations-'));
  Object.assign(process.env, { TIERLENS_PUBLIC_URL: 'https://tierlens.example.com/', SMTP_URL: smtp.url, SMTP_FROM: 'Tierlens <team@tierlens.test>', TIERLENS_DATA_DIR: dataDir });
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([a.cleanup(), b.cleanup()]);
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('invitations.create emails the link', () => {
  it('sends it over SMTP to the invitee, with who invites, the organization, the role and the link', async () => {
    const email = freshEmail();
    const before = smtp.received.length;
    const created = await as(a.user).invitations.create({ organizationId: a.org.id, email, role: 'member' });
    expect(created).toMatchObject({ delivery: 'smtp', notifyError: null });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toContain(email);
    expect(mail!.parsed.subject).toContain(a.org.name);
    expect(mail!.parsed.text).toContain(created.link);
    expect(mail!.parsed.text).toContain('as member');
    expect(mail!.parsed.html).toContain(`href="${created.link}"`);
  });

  it('writes it to the outbox without SMTP_URL', async () => {
    process.env.SMTP_URL = '';
    try {
      const created = await as(a.user).invitations.create({ organizationId: a.org.id, email: freshEmail(), role: 'viewer' });
      expect(created.delivery).toBe('outbox');
      const file = join(dataDir, 'outbox', `invitation-${created.id}.eml`);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(created.id);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });

  it('keeps the invitation and says why when the mail server is down', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:9';
    try {
      const email = freshEmail();
      const created = await as(a.user).invitations.create({ organizationId: a.org.id, email, role: 'member' });
      expect(created.delivery).toBeNull();
      expect(created.notifyError).toMatch(/ECONNREFUSED|connect/i);
      const list = await as(a.user).invitations.list({ organizationId: a.org.id });
      expect(list.find((i) => i.id === created.id)).toMatchObject({ email, status: 'pending' });
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});

describe('invitations.create and list', () => {
  it('gives an admin the link to copy, under TIERLENS_PUBLIC_URL, valid for seven days', async () => {
    const admin = await a.addMember('admin');
    const email = freshEmail();
    const before = Date.now();
    const created = await as(admin).invitations.create({ organizationId: a.org.id, email: email.toUpperCase(), role: 'viewer' });
    expect(created.link).toBe(`https://tierlens.example.com/invite/${created.id}`);
    expect(created).toMatchObject({ email, role: 'viewer', notifyError: null, delivery: 'smtp' });
    expect(created.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000 - 1000);
    expect(created.expiresAt.getTime() - before).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 5000);
    const list = await as(admin).invitations.list({ organizationId: a.org.id });
    expect(list.find((i) => i.id === created.id)).toMatchObject({ email, role: 'viewer', status: 'pending', link: created.link });
  });

  it('refuses a second pending invitation for the same email, and emails of members', async () => {
    const email = freshEmail();
    await as(a.user).invitations.create({ organizationId: a.org.id, email, role: 'member' });
    await expect(as(a.user).invitations.create({ organizationId: a.org.id, email, role: 'member' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(a.user).invitations.create({ organizationId: a.org.id, email: a.user.email, role: 'member' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses an address that is not an email', async () => {
    await expect(as(a.user).invitations.create({ organizationId: a.org.id, email: 'not an email', role: 'member' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('does not let members or viewers invite or see links, nor admins invite owners', async () => {
    const member = await a.addMember('member');
    const viewer = await a.addMember('viewer');
    const admin = await a.addMember('admin');
    await expect(as(member).invitations.create({ organizationId: a.org.id, email: freshEmail(), role: 'viewer' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(viewer).invitations.list({ organizationId: a.org.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(admin).invitations.create({ organizationId: a.org.id, email: freshEmail(), role: 'owner' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("does not let a member of one organization invite to, or list, another's", async () => {
    await expect(as(a.user).invitations.create({ organizationId: b.org.id, email: freshEmail(), role: 'member' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).invitations.list({ organizationId: b.org.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('runs the onInvite hook with the link, and keeps the invitation when the hook fails', async () => {
    const sent: CreatedInvitation[] = [];
    const base = { organizationId: a.org.id, inviterId: a.user.id, actorRole: 'owner' as const, role: 'member' as const, baseUrl: 'https://t.example' };
    const ok = await createInvitation(db, { ...base, email: freshEmail() }, { onInvite: (i) => void sent.push(i) });
    expect(sent).toEqual([expect.objectContaining({ id: ok.id, link: `https://t.example/invite/${ok.id}`, organizationName: a.org.name })]);
    const failed = await createInvitation(db, { ...base, email: freshEmail() }, { onInvite: () => Promise.reject(new Error('SMTP down')) });
    expect(failed.notifyError).toBe('SMTP down');
    expect(await db.invitation.count({ where: { id: failed.id, status: 'pending' } })).toBe(1);
  });
});

describe('invitations.revoke', () => {
  it('stops the link from working', async () => {
    const email = freshEmail();
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email, role: 'member' });
    await as(a.user).invitations.revoke({ organizationId: a.org.id, invitationId: inv.id });
    expect(await anonymous.invitations.get({ invitationId: inv.id })).toMatchObject({ status: 'canceled' });
    await expect(anonymous.invitations.acceptWithNewAccount({ invitationId: inv.id, name: 'X', password: 'long enough password' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.user.count({ where: { email } })).toBe(0);
    await expect(as(a.user).invitations.revoke({ organizationId: a.org.id, invitationId: inv.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("does not let an admin of one organization revoke another's invitation", async () => {
    const inv = await as(b.user).invitations.create({ organizationId: b.org.id, email: freshEmail(), role: 'member' });
    await expect(as(a.user).invitations.revoke({ organizationId: b.org.id, invitationId: inv.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).invitations.revoke({ organizationId: a.org.id, invitationId: inv.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await anonymous.invitations.get({ invitationId: inv.id })).toMatchObject({ status: 'pending' });
  });

  it('does not let a viewer revoke', async () => {
    const viewer = await a.addMember('viewer');
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email: freshEmail(), role: 'member' });
    await expect(as(viewer).invitations.revoke({ organizationId: a.org.id, invitationId: inv.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('invitations.accept (signed in)', () => {
  it('makes the invited user a member with the invited role, once', async () => {
    const user = await db.user.create({ data: { id: randomUUID(), email: freshEmail(), name: 'Existing' }, select: { id: true, email: true } });
    a.trackUser(user.id);
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email: user.email, role: 'admin' });
    expect(await anonymous.invitations.get({ invitationId: inv.id })).toMatchObject({ hasAccount: true, status: 'pending', organizationName: a.org.name, role: 'admin' });
    await expect(as(user).invitations.accept({ invitationId: inv.id })).resolves.toMatchObject({ organizationId: a.org.id, role: 'admin', projectId: a.project.id });
    expect((await db.member.findFirstOrThrow({ where: { organizationId: a.org.id, userId: user.id }, select: { role: true } })).role).toBe('admin');
    await expect(as(user).invitations.accept({ invitationId: inv.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await anonymous.invitations.get({ invitationId: inv.id })).toMatchObject({ status: 'accepted' });
  });

  it('refuses a user signed in with another email', async () => {
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email: freshEmail(), role: 'member' });
    await expect(as(b.user).invitations.accept({ invitationId: inv.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.member.count({ where: { organizationId: a.org.id, userId: b.user.id } })).toBe(0);
    expect(await anonymous.invitations.get({ invitationId: inv.id })).toMatchObject({ status: 'pending' });
  });

  it('refuses an expired invitation', async () => {
    const user = await db.user.create({ data: { id: randomUUID(), email: freshEmail(), name: 'Late' }, select: { id: true, email: true } });
    a.trackUser(user.id);
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email: user.email, role: 'member' });
    await db.invitation.update({ where: { id: inv.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await anonymous.invitations.get({ invitationId: inv.id })).toMatchObject({ status: 'expired' });
    await expect(as(user).invitations.accept({ invitationId: inv.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/expired/) });
    expect((await as(a.user).invitations.list({ organizationId: a.org.id })).find((i) => i.id === inv.id)?.status).toBe('expired');
    // An expired invitation does not block inviting the same address again.
    await expect(as(a.user).invitations.create({ organizationId: a.org.id, email: user.email, role: 'member' })).resolves.toMatchObject({ email: user.email });
  });

  it('accepts exactly once when two accepts race', async () => {
    const user = await db.user.create({ data: { id: randomUUID(), email: freshEmail(), name: 'Racer' }, select: { id: true, email: true } });
    a.trackUser(user.id);
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email: user.email, role: 'member' });
    const results = await Promise.allSettled([as(user).invitations.accept({ invitationId: inv.id }), as(user).invitations.accept({ invitationId: inv.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.member.count({ where: { organizationId: a.org.id, userId: user.id } })).toBe(1);
  });

  it('answers NOT_FOUND for an unknown invitation', async () => {
    expect(await anonymous.invitations.get({ invitationId: randomUUID() })).toBeNull();
    await expect(as(a.user).invitations.accept({ invitationId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('invitations.acceptWithNewAccount', () => {
  it('creates an account whose password signs in through Better Auth, and makes it a member', async () => {
    const email = freshEmail();
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email, role: 'viewer' });
    expect(await anonymous.invitations.get({ invitationId: inv.id })).toMatchObject({ hasAccount: false });
    const password = 'correct horse battery';
    const accepted = await anonymous.invitations.acceptWithNewAccount({ invitationId: inv.id, name: 'New Person', password });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
    a.trackUser(user.id);
    expect(accepted).toMatchObject({ email, organizationId: a.org.id, role: 'viewer' });
    expect(user.name).toBe('New Person');
    expect((await db.member.findFirstOrThrow({ where: { organizationId: a.org.id, userId: user.id }, select: { role: true } })).role).toBe('viewer');

    const auth = createAuth(db, { baseUrl: 'http://localhost:3000', secret: 'test-secret-test-secret-test-secret-0123' });
    const session = await auth.api.signInEmail({ body: { email, password } });
    expect(session.user.id).toBe(user.id);
    await expect(auth.api.signInEmail({ body: { email, password: 'wrong password!' } })).rejects.toThrow();

    // Single use: the link cannot create a second account or be accepted again.
    await expect(anonymous.invitations.acceptWithNewAccount({ invitationId: inv.id, name: 'Again', password })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses when the invited email already has an account (sign in instead)', async () => {
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email: b.user.email, role: 'member' });
    await expect(anonymous.invitations.acceptWithNewAccount({ invitationId: inv.id, name: 'B', password: 'long enough password' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await anonymous.invitations.get({ invitationId: inv.id })).toMatchObject({ status: 'pending' });
  });

  it('refuses a password shorter than 10 characters', async () => {
    const inv = await as(a.user).invitations.create({ organizationId: a.org.id, email: freshEmail(), role: 'member' });
    await expect(anonymous.invitations.acceptWithNewAccount({ invitationId: inv.id, name: 'Short', password: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('makes an invited owner an owner with the weekly report on for every project', async () => {
    const t = await createTestTenant(db);
    try {
      const email = freshEmail();
      const inv = await as(t.user).invitations.create({ organizationId: t.org.id, email, role: 'owner' });
      await anonymous.invitations.acceptWithNewAccount({ invitationId: inv.id, name: 'Co-owner', password: 'long enough password' });
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      t.trackUser(user.id);
      expect(await db.reportSubscription.findMany({ where: { userId: user.id }, select: { projectId: true, enabled: true } })).toEqual([{ projectId: t.project.id, enabled: true }]);
    } finally {
      await t.cleanup();
    }
  });
});
