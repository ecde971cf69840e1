import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { streamCallsCsv } from './stream-calls-csv';

const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const range = { from: new Date(end.getTime() - 86_400_000), to: end };

beforeAll(async () => {
  tenant = await createTestTenant(db);
  // 12,001 calls, more than two export pages; every 1,000th is unpriced and every 7th from the 'search' feature.
  await db.$executeRaw`
    INSERT INTO llm_calls (project_id, trace_id, span_id, start_time, duration_ms, provider, request_model, response_model, model, operation, status,
                           input_tokens, output_tokens, cost_usd, price_version, query_type, query_type_source, query_type_confidence, feature, environment, convention)
    SELECT ${tenant.project.id}::uuid, lpad(to_hex(i), 32, '0'), lpad(to_hex(i), 16, '0'), ${end}::timestamptz - make_interval(secs => i * 5), 100, 'openai', 'gpt-4o', 'gpt-4o', 'gpt-4o', 'chat', 'ok',
           i, 2 * i, CASE WHEN i % 1000 = 0 THEN NULL ELSE i / 1e6 END, 'test', 'coding', 'hint', 1, CASE WHEN i % 7 = 0 THEN 'search' ELSE 'chat, "beta"' END, 'production', 'tierlens'
    FROM generate_series(1, 12001) AS i`;
});
afterAll(() => tenant.cleanup());

async function collect(filters: Parameters<typeof streamCallsCsv>[2]): Promise<string[]> {
  let text = '';
  for await (const chunk of streamCallsCsv(db, tenant.project.id, filters)) text += chunk;
  return text.split('\r\n').filter(Boolean);
}

describe('calls CSV export', () => {
  it('writes every matching call once, newest first, across pages, quoting where needed and leaving unpriced costs empty', async () => {
    const lines = await collect({ range });
    expect(lines[0]).toMatch(/^start_time,trace_id,span_id,provider,model,/);
    expect(lines).toHaveLength(1 + 12001);
    const spans = lines.slice(1).map((l) => l.split(',')[2]);
    expect(new Set(spans).size).toBe(12001);
    expect(spans[0]).toBe('0000000000000001');
    expect(spans.at(-1)).toBe((12001).toString(16).padStart(16, '0'));
    const unpriced = lines.find((l) => l.includes(`,${(1000).toString(16).padStart(16, '0')},`))!;
    expect(unpriced).toContain(',1000,2000,,100,');
    expect(lines[1]).toContain('"chat, ""beta"""');
  });

  it('applies the Calls page filters', async () => {
    const lines = await collect({ range, feature: 'search' });
    expect(lines).toHaveLength(1 + Math.floor(12001 / 7));
  });
});
