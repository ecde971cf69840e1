import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig, startIngest, type RunningIngest } from '@tierlens/ingest';
import { init } from '@tierlens/sdk';
import { callerFor } from '@/test-support/caller-for';
import { generateDemoTraffic } from '../scripts/demo/generate-demo-traffic.ts';

// `npm run demo` promises a new user findings at once: a week of its traffic, through the SDK and
// the ingest, must produce both an overpaying and an underbidding finding on the Savings page, in
// at least five query types, each resting on a public source a user can check (a URL, or a
// repository at a full commit), never on an internal note.

const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let ingest: RunningIngest;

beforeAll(async () => {
  tenant = await createTestTenant(db);
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }));
});
afterAll(async () => {
  await ingest?.close();
  await tenant?.cleanup();
});

describe('demo traffic', () => {
  it('stores every call it sends and yields findings in five query types with checkable sources, and lists the spend without a verdict', async () => {
    const tierlens = init({ apiKey: tenant.apiKey.secret, endpoint: ingest.url, serviceName: 'demo-test' });
    const end = new Date();
    const made = await generateDemoTraffic(tierlens.tracer, () => tierlens.flush(), { end, days: 7, scale: 0.2 });
    await tierlens.shutdown();
    expect(tierlens.getStats().dropped).toBe(0);
    expect(await db.llmCall.count({ where: { projectId: tenant.project.id } })).toBe(made);

    const caller = callerFor(db, { ...tenant.user, name: 'x' });
    const range = { from: new Date(end.getTime() - 7 * 86_400_000), to: new Date(end.getTime() + 3_600_000) };
    const { findings, needsEvidence } = await caller.savings.findings({ projectId: tenant.project.id, range });
    const kinds = new Set(findings.map((f) => f.kind));
    expect(kinds, JSON.stringify(findings.map((f) => [f.kind, f.queryType, f.current.model, f.recommended.model]))).toEqual(new Set(['overpaying', 'underbidding']));
    const overpaying = findings.find((f) => f.kind === 'overpaying')!;
    expect(Number(overpaying.monthlySavingUsd.point)).toBeGreaterThan(0);

    // Findings on public benchmarks (observed-failure findings rest on the project's own calls).
    const onBenchmarks = findings.filter((f) => f.quality.source === 'benchmark');
    const byQueryType = new Set(onBenchmarks.map((f) => f.queryType));
    expect(byQueryType.size, [...byQueryType].join(', ')).toBeGreaterThanOrEqual(5);
    for (const finding of onBenchmarks) {
      const sources = [...finding.quality.current.sources, ...finding.quality.recommended.sources];
      expect(sources.length, finding.id).toBeGreaterThan(0);
      for (const source of sources) {
        const citation = source.citation;
        expect(citation, `${finding.id}: ${source.source}`).toBeTruthy();
        const checkable = /^https:\/\//.test(citation?.url ?? '') || (/^[\w.-]+\/[\w.-]+$/.test(citation?.repository ?? '') && /^[0-9a-f]{40}$/.test(citation?.commit ?? ''));
        expect(checkable, `${finding.id}: ${source.source}`).toBe(true);
        expect(`${source.source} ${JSON.stringify(citation)}`).not.toMatch(/seed|tierlens research|\.\.\/shared/i);
      }
    }

    // The spend with no verdict is listed per query type × model: the catalog has no public evidence
    // for classification, nor for translation on Claude Haiku 4.5, so the demo's ticket router and
    // localization land here.
    expect(needsEvidence.map((row) => [row.queryType, row.model])).toEqual(
      expect.arrayContaining([['classification', 'gemini-2.5-flash'], ['translation', 'claude-haiku-4-5']]),
    );
    for (const row of needsEvidence) expect(row.spendUsd).toBeGreaterThan(0);
    // A group with a verdict is never listed as needing evidence.
    for (const finding of findings) expect(needsEvidence.some((row) => row.model === finding.current.model && row.queryType === finding.queryType)).toBe(false);
  }, 120_000);
});
