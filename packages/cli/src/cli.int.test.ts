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

  it('reprice re-prices a project from a date with the overrides in force, and moves its rollups', async () => {
    // One stored gpt-4o call priced at the public price, then an organization override of it.
    const start = new Date('2026-11-10T12:00:00Z');
    await db.$executeRaw`INSERT INTO llm_calls (project_id, trace_id, span_id, start_time, duration_ms, provider, model, operation, status,
        input_tokens, output_tokens, usage_source, cost_usd, price_version, query_type, query_type_source, convention, attributes)
      VALUES (${tenant.project.id}::uuid, 't1', 's1', ${start}, 100, 'openai', 'gpt-4o', 'chat', 'ok', 1000000, 0, 'reported', 2.5,
        'genai-prices', 'coding', 'hint', 'tierlens', '{}'::jsonb)`;
    await db.callRollupHourly.create({ data: { projectId: tenant.project.id, hour: start, provider: 'openai', model: 'gpt-4o', queryType: 'coding', calls: 1n, inputTokens: 1000000, costUsd: '2.5' } });
    await db.callRollupDaily.create({ data: { projectId: tenant.project.id, day: new Date('2026-11-10T00:00:00Z'), provider: 'openai', model: 'gpt-4o', queryType: 'coding', calls: 1n, inputTokens: 1000000, costUsd: '2.5' } });
    await db.priceOverride.create({ data: { organizationId: tenant.org.id, provider: 'openai', model: 'gpt-4o', inputPerMTok: '1.75', outputPerMTok: '7', effectiveFrom: new Date('2026-11-01T00:00:00Z') } });
    const { stdout } = await tierlens(['reprice', '--project', tenant.project.id, '--from', '2026-11-01', '--json']);
    expect(JSON.parse(stdout)).toEqual({ calls: 1, changed: 1, deltaUsd: '-0.75' });
    const [hourly, daily] = await Promise.all([db.callRollupHourly.findFirst({ where: { projectId: tenant.project.id } }), db.callRollupDaily.findFirst({ where: { projectId: tenant.project.id } })]);
    expect([hourly?.costUsd.toString(), daily?.costUsd.toString()]).toEqual(['1.75', '1.75']);
    await expect(tierlens(['reprice', '--project', tenant.project.id, '--from', 'yesterday'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--from must be a date/) });
  });

  it('explains a wrong call and exits 2', async () => {
    await expect(tierlens(['project', 'create'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/needs a name/) });
  });
});
