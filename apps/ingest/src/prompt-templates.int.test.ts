import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWeakClassification, promptTemplateFingerprint, resolveQueryType } from '@tierlens/analyzer';
import { createQueryTypeCorrection, listPromptTemplates } from '@tierlens/db';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig } from './config.ts';
import { startIngest, type RunningIngest } from './start-ingest.ts';
import { genaiExportJson, hexId } from './test-support/genai-export-json.ts';

// Calls of one feature that share a system prompt are one population: a call the classifier is
// unsure of takes the type most of its template's calls were confidently given; a correction of
// the template applies to the calls the ingest stores after it.

const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let ingest: RunningIngest;

const SYSTEM = 'You help the support team of an online shop. Read what the agent sends and do what is asked.';
const CLEAR = [
  'Extract the order number, customer name and delivery date from this email as JSON: Order 4471 for Jane Doe arrives 2026-03-02.',
  'Extract the order number and customer name as JSON: Order 9 for Bo Li, shipped today.',
  'Extract the refund amount and the order id from this email as JSON: refund 12 EUR on order 55.',
];
const UNCLEAR = ['Ticket #5512', 'Ticket #7781'];

/** A span as OTel GenAI instrumentations record a chat with content: system instructions plus the user's message. */
function span(feature: string, payload: string, spanId = hexId(8)) {
  return {
    spanId,
    extra: {
      'tierlens.feature': feature,
      'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: SYSTEM }]),
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: payload }] }]),
    },
  };
}

async function post(body: string) {
  const res = await fetch(`${ingest.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.apiKey.secret}` }, body });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({});
}

async function stored(spanIds: string[]) {
  const rows = await db.llmCall.findMany({
    where: { projectId: tenant.project.id, spanId: { in: spanIds } },
    select: { spanId: true, queryType: true, queryTypeSource: true, queryTypeConfidence: true, autoQueryType: true, templateFingerprint: true },
  });
  return new Map(rows.map((r) => [r.spanId, r]));
}

beforeAll(async () => {
  tenant = await createTestTenant(db);
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }));
});
afterAll(async () => {
  await ingest?.close();
  await tenant?.cleanup();
});

describe('prompt templates at ingest', () => {
  it('the classifier is sure of the clear payloads and unsure of the unclear ones (the premise of this test)', () => {
    for (const p of CLEAR) expect(resolveQueryType({ prompt: { system: SYSTEM, lastUser: p } })).toMatchObject({ queryType: 'extraction' });
    for (const p of CLEAR) expect(isWeakClassification(resolveQueryType({ prompt: { system: SYSTEM, lastUser: p } }))).toBe(false);
    for (const p of UNCLEAR) expect(isWeakClassification(resolveQueryType({ prompt: { system: SYSTEM, lastUser: p } })), p).toBe(true);
  });

  it('gives weakly classified calls their template’s majority type, within the feature only', async () => {
    const clear = CLEAR.map((p) => span('order-desk', p));
    await post(genaiExportJson(clear));
    const unclear = UNCLEAR.map((p) => span('order-desk', p));
    const elsewhere = span('returns-desk', UNCLEAR[0]!);
    await post(genaiExportJson([...unclear, elsewhere]));

    const rows = await stored([...clear, ...unclear, elsewhere].map((s) => s.spanId));
    const fingerprint = promptTemplateFingerprint({ system: SYSTEM });
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    for (const s of [...clear, ...unclear, elsewhere]) expect(rows.get(s.spanId)?.templateFingerprint).toBe(fingerprint);
    for (const s of clear) expect(rows.get(s.spanId)).toMatchObject({ queryType: 'extraction', queryTypeSource: 'classifier' });
    for (const s of unclear) expect(rows.get(s.spanId)).toMatchObject({ queryType: 'extraction', queryTypeSource: 'template', queryTypeConfidence: 1, autoQueryType: 'extraction' });
    // The same system prompt in another feature is another population, with no votes yet.
    expect(rows.get(elsewhere.spanId)?.queryTypeSource).toBe('classifier');

    const templates = await listPromptTemplates(db, tenant.project.id, { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000) });
    expect(templates.find((t) => t.feature === 'order-desk')).toMatchObject({ fingerprint, calls: 5, queryType: 'extraction', share: 1, example: expect.stringContaining(SYSTEM) });
  });

  it('applies a correction of the template to the calls stored after it', async () => {
    const fingerprint = promptTemplateFingerprint({ system: SYSTEM })!;
    const made = await createQueryTypeCorrection(db, { projectId: tenant.project.id, userId: tenant.user.id, target: { scope: 'template', feature: 'order-desk', fingerprint }, queryType: 'classification' });
    expect(made.callsRetyped).toBe(5);
    const next = [span('order-desk', CLEAR[0]!), span('order-desk', UNCLEAR[1]!), span('returns-desk', CLEAR[1]!)];
    await post(genaiExportJson(next));
    const rows = await stored(next.map((s) => s.spanId));
    expect(rows.get(next[0]!.spanId)).toMatchObject({ queryType: 'classification', queryTypeSource: 'manual', queryTypeConfidence: 1, autoQueryType: 'extraction' });
    expect(rows.get(next[1]!.spanId)).toMatchObject({ queryType: 'classification', queryTypeSource: 'manual', autoQueryType: 'extraction' });
    expect(rows.get(next[2]!.spanId)).toMatchObject({ queryType: 'extraction', queryTypeSource: 'classifier' });
  });
});
