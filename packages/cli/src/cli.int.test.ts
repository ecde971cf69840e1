import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '@tierlens/db';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/tierlens.mjs', import.meta.url));
const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;

function tierlens(args: string[]) {
  return run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: testDatabaseUrl() } });
}

beforeAll(async () => {
  tenant = await createTestTenant(db);
});
afterAll(() => tenant.cleanup());

describe('tierlens CLI', () => {
  it('project create --json prints a project id and a working API key', async () => {
    const { stdout } = await tierlens(['project', 'create', 'cli-made', '--org', tenant.org.id, '--json']);
    const out = JSON.parse(stdout) as { projectId: string; apiKey: string };
    const key = await db.apiKey.findUnique({ where: { hash: hashApiKey(out.apiKey) }, select: { projectId: true, revokedAt: true } });
    expect(key).toEqual({ projectId: out.projectId, revokedAt: null });
    const project = await db.project.findUnique({ where: { id: out.projectId }, select: { name: true, organizationId: true } });
    expect(project).toEqual({ name: 'cli-made', organizationId: tenant.org.id });
  });

  it('key revoke revokes the key', async () => {
    const { stdout } = await tierlens(['key', 'create', '--project', tenant.project.id, '--json']);
    const { apiKeyId } = JSON.parse(stdout) as { apiKeyId: string };
    await tierlens(['key', 'revoke', apiKeyId, '--project', tenant.project.id]);
    const key = await db.apiKey.findUnique({ where: { id: apiKeyId }, select: { revokedAt: true } });
    expect(key?.revokedAt).toBeInstanceOf(Date);
  });

  it('migrate reports an up-to-date database', async () => {
    const { stdout } = await tierlens(['migrate']);
    expect(stdout).toMatch(/up to date/);
  });

  it('explains a wrong call and exits 2', async () => {
    await expect(tierlens(['project', 'create'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/needs a name/) });
  });
});
