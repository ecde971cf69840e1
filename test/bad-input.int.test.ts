import { randomBytes } from 'node:crypto';
import { BinaryReader } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig, startIngest, type RunningIngest } from '@tierlens/ingest';
import {
  encodeTestRequestJson,
  encodeTestRequestProtobuf,
  type TestSpan,
  type TestValue,
} from '../apps/ingest/src/otlp/test-support/encode-test-request.ts';

// Every bad input that used to sink a whole batch with a 500 (issue: "one bad span sinks its
// whole batch"), each sent inside a batch of good spans, over HTTP to the real ingest, as OTLP/JSON
// and as protobuf: the good spans are stored, the bad one is rejected alone with a reason naming
// the field (or stored cleaned, for strings), and the answer is 200 with partial success in the
// request's own format.

const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let ingest: RunningIngest;
const log: string[] = [];
const NS_PER_MS = 1_000_000n;
const DAY_MS = 86_400_000;

type Format = 'json' | 'protobuf';
interface Answer {
  status: number;
  contentType: string | null;
  rejectedSpans: number;
  errorMessage: string;
}

beforeAll(async () => {
  tenant = await createTestTenant(db);
  // A (deliberately absurd) price override: 10^12 input tokens at it cost 9e15 USD, beyond DECIMAL(20,10).
  await db.priceOverride.create({
    data: { organizationId: tenant.org.id, projectId: tenant.project.id, provider: 'openai', model: 'gold-plated', inputPerMTok: '9000000000', outputPerMTok: '1', effectiveFrom: new Date(0) },
  });
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }), { log: (l) => log.push(l) });
});
afterAll(async () => {
  await ingest?.close();
  await tenant?.cleanup();
});

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** A GenAI chat span that the ingest stores: gpt-4o, 1,000 in / 100 out, started a minute ago. */
function goodSpan(traceId: string, attributes: Record<string, TestValue> = {}): TestSpan {
  const start = BigInt(Date.now() - 60_000) * NS_PER_MS;
  return {
    traceId,
    spanId: hex(8),
    name: 'chat gpt-4o',
    kind: 3,
    start,
    end: start + 800n * NS_PER_MS,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': { int: 1000 },
      'gen_ai.usage.output_tokens': { int: 100 },
      'tierlens.feature': 'bad-input-suite',
      ...attributes,
    },
  };
}

/** Three good spans, the given one, three good spans: one trace, so the stored ones can be counted. */
function batch(traceId: string, bad: TestSpan): TestSpan[] {
  return [goodSpan(traceId), goodSpan(traceId), goodSpan(traceId), { ...bad, traceId }, goodSpan(traceId), goodSpan(traceId), goodSpan(traceId)];
}

function encode(format: Format, spans: TestSpan[], rewriteJson?: (json: string) => string): Uint8Array {
  const request = { resourceSpans: [{ resource: { 'service.name': 'bad-input' }, scopes: [{ name: 'test', spans }] }] };
  if (format === 'protobuf') return encodeTestRequestProtobuf(request);
  const json = encodeTestRequestJson(request);
  return Buffer.from(rewriteJson ? rewriteJson(json) : json);
}

async function post(format: Format, body: Uint8Array): Promise<Answer> {
  const res = await fetch(`${ingest.url}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': format === 'protobuf' ? 'application/x-protobuf' : 'application/json', authorization: `Bearer ${tenant.apiKey.secret}` },
    body: body as BodyInit,
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const answer = { status: res.status, contentType: res.headers.get('content-type'), rejectedSpans: 0, errorMessage: '' };
  if (res.status !== 200) return { ...answer, errorMessage: Buffer.from(bytes).toString('latin1') };
  return { ...answer, ...(format === 'protobuf' ? readProtobufAnswer(bytes) : readJsonAnswer(bytes)) };
}

function readJsonAnswer(bytes: Uint8Array): Pick<Answer, 'rejectedSpans' | 'errorMessage'> {
  const json = JSON.parse(Buffer.from(bytes).toString('utf8')) as { partialSuccess?: { rejectedSpans?: string; errorMessage?: string } };
  return { rejectedSpans: Number(json.partialSuccess?.rejectedSpans ?? 0), errorMessage: json.partialSuccess?.errorMessage ?? '' };
}

/** `ExportTraceServiceResponse { partial_success = 1 { rejected_spans = 1; error_message = 2 } }`. */
function readProtobufAnswer(bytes: Uint8Array): Pick<Answer, 'rejectedSpans' | 'errorMessage'> {
  const out = { rejectedSpans: 0, errorMessage: '' };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field !== 1) {
      reader.skip(wire);
      continue;
    }
    const inner = new BinaryReader(reader.bytes());
    while (inner.pos < inner.len) {
      const [f, w] = inner.tag();
      if (f === 1) out.rejectedSpans = Number(inner.int64());
      else if (f === 2) out.errorMessage = inner.string();
      else inner.skip(w);
    }
  }
  return out;
}

const storedOf = (traceId: string) => db.llmCall.findMany({ where: { projectId: tenant.project.id, traceId } });

interface RejectCase {
  name: string;
  /** The bad span (its trace id is replaced). */
  span: () => TestSpan;
  /** What the rejection message must name. */
  reason: RegExp;
  formats?: Format[];
  rewriteJson?: (json: string) => string;
}

const nowNs = () => BigInt(Date.now()) * NS_PER_MS;
const REJECTED: RejectCase[] = [
  { name: 'input tokens of 2^63 (int64 as a decimal string)', formats: ['json'], span: () => goodSpan('', { 'gen_ai.usage.input_tokens': { int: '9223372036854775808' } }), reason: /input_tokens .* outside 0\.\.10\^12/ },
  { name: 'input tokens of int64 max', span: () => goodSpan('', { 'gen_ai.usage.input_tokens': { int: '9223372036854775807' } }), reason: /input_tokens .* outside 0\.\.10\^12/ },
  { name: 'output tokens of 1.9e19 (a double)', span: () => goodSpan('', { 'gen_ai.usage.output_tokens': 1.9e19 }), reason: /output_tokens .* outside 0\.\.10\^12/ },
  { name: 'cache-read tokens of 9.2e18', span: () => goodSpan('', { 'gen_ai.usage.input_tokens': { int: 5 }, 'gen_ai.usage.cache_read.input_tokens': { int: '9200000000000000000' } }), reason: /_tokens .* outside 0\.\.10\^12/ },
  { name: 'a reported cost over the DECIMAL(20,10) range', span: () => goodSpan('', { 'gen_ai.usage.cost': 2.5e15 }), reason: /reported_cost_usd .* largest storable cost/ },
  { name: 'a computed cost over the DECIMAL(20,10) range', span: () => goodSpan('', { 'gen_ai.request.model': 'gold-plated', 'gen_ai.usage.input_tokens': { int: 1_000_000_000_000 } }), reason: /cost_usd .* largest storable cost/ },
  { name: 'a JSON start time of 8.6e24 ns (a number)', formats: ['json'], span: () => ({ ...goodSpan(''), start: 777n }), rewriteJson: (j) => j.replace('"startTimeUnixNano":"777"', '"startTimeUnixNano":8.6e24'), reason: /start_time_unix_nano .* above the uint64 range/ },
  { name: 'a JSON start time of 8.6e24 ns (a decimal string)', formats: ['json'], span: () => ({ ...goodSpan(''), start: 777n }), rewriteJson: (j) => j.replace('"startTimeUnixNano":"777"', '"startTimeUnixNano":"8600000000000000000000000"'), reason: /start_time_unix_nano .* above the uint64 range/ },
  { name: 'a start time in 1970', span: () => ({ ...goodSpan(''), start: 1_000_000_000n, end: 2_000_000_000n }), reason: /start_time 1970-01-01T00:00:01\.000Z is older than the accepted window of 30 days/ },
  { name: 'a start time in 2500', span: () => ({ ...goodSpan(''), start: BigInt(Date.UTC(2500, 0, 1)) * NS_PER_MS, end: BigInt(Date.UTC(2500, 0, 1)) * NS_PER_MS + 1n }), reason: /start_time 2500-01-01T00:00:00\.000Z is more than a day ahead/ },
  { name: 'a start time 31 days ago', span: () => ({ ...goodSpan(''), start: nowNs() - 31n * BigInt(DAY_MS) * NS_PER_MS, end: nowNs() - 31n * BigInt(DAY_MS) * NS_PER_MS + 1n }), reason: /older than the accepted window/ },
  { name: 'the largest fixed64 end time (a duration of 1.8e13 ms)', span: () => ({ ...goodSpan(''), end: 2n ** 64n - 1n }), reason: /duration_ms .* outside 0\.\.86400000/ },
  { name: 'a JSON end time of 1e308 ns (a duration of 1e302 ms)', formats: ['json'], span: () => ({ ...goodSpan(''), end: 888n }), rewriteJson: (j) => j.replace('"endTimeUnixNano":"888"', '"endTimeUnixNano":1e308'), reason: /end_time_unix_nano .* above the uint64 range/ },
  { name: 'a time to first token of 1e302 s', span: () => goodSpan('', { 'gen_ai.response.time_to_first_chunk': 1e302 }), reason: /time_to_first_token_ms .* outside/ },
];

describe.each<Format>(['json', 'protobuf'])('bad input in a batch of good spans, OTLP/%s', (format) => {
  for (const c of REJECTED.filter((x) => (x.formats ?? ['json', 'protobuf']).includes(format))) {
    it(`rejects ${c.name} alone and stores the six good spans`, async () => {
      const traceId = hex(16);
      const spans = batch(traceId, c.span());
      const answer = await post(format, encode(format, spans, c.rewriteJson));
      expect(answer, log.join('\n')).toMatchObject({ status: 200, contentType: format === 'protobuf' ? 'application/x-protobuf' : 'application/json', rejectedSpans: 1 });
      expect(answer.errorMessage).toMatch(c.reason);
      const stored = await storedOf(traceId);
      expect(stored.map((s) => s.spanId).sort()).toEqual(spans.filter((_, i) => i !== 3).map((s) => s.spanId).sort());
    });
  }

  it('stores a span with NUL characters and lone surrogates in every kind of string, cleaned', async () => {
    const traceId = hex(16);
    // A lone surrogate cannot travel in protobuf (its UTF-8 encoder writes U+FFFD): NUL can.
    const dirty = format === 'json' ? 'a\u0000b\ud800c\udc00d' : 'a\u0000b\uFFFDc\uFFFDd';
    const bad = goodSpan('', {
      'gen_ai.request.model': `gpt-4o${dirty}`,
      'tierlens.feature': `feat${dirty}`,
      'tierlens.environment': `env${dirty}`,
      'tierlens.end_user.id': `user${dirty}`,
      'gen_ai.response.finish_reasons': [`stop${dirty}`],
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: `hello${dirty}` }] }]),
      [`key${dirty}`]: `value${dirty}`,
      'nested': { kv: { [`k${dirty}`]: [`v${dirty}`, { kv: { deep: `x${dirty}` } }] } },
    });
    const spans = batch(traceId, bad);
    const answer = await post(format, encode(format, spans));
    expect(answer, log.join('\n')).toMatchObject({ status: 200, rejectedSpans: 0 });
    const stored = await storedOf(traceId);
    expect(stored).toHaveLength(7);
    const call = stored.find((s) => s.spanId === bad.spanId)!;
    const clean = 'a\uFFFDb\uFFFDc\uFFFDd';
    expect(call).toMatchObject({ model: `gpt-4o${clean}`, feature: `feat${clean}`, environment: `env${clean}`, endUserId: `user${clean}`, finishReasons: [`stop${clean}`] });
    expect(call.promptContent).toContain(`hello${clean}`);
    const attributes = call.attributes as Record<string, unknown>;
    expect(attributes[`key${clean}`]).toBe(`value${clean}`);
    expect(attributes['nested']).toEqual({ [`k${clean}`]: [`v${clean}`, { deep: `x${clean}` }] });
  });

  it('stores multi-KB model and feature names cut to 256 bytes of UTF-8, on a character boundary', async () => {
    const traceId = hex(16);
    const model = 'm'.repeat(255) + '€'.repeat(2000); // 255 bytes, then 3-byte characters
    const feature = '🦀'.repeat(3000); // 4-byte characters, 12 KB
    const bad = goodSpan('', { 'gen_ai.request.model': model, 'tierlens.feature': feature, 'tierlens.environment': 'e'.repeat(5000), 'tierlens.end_user.id': 'u'.repeat(5000) });
    const answer = await post(format, encode(format, batch(traceId, bad)));
    expect(answer, log.join('\n')).toMatchObject({ status: 200, rejectedSpans: 0 });
    const call = (await storedOf(traceId)).find((s) => s.spanId === bad.spanId)!;
    expect(call.model).toBe('m'.repeat(255));
    expect(call.requestModel).toBe('m'.repeat(255));
    expect(call.feature).toBe('🦀'.repeat(64));
    expect(call.environment).toBe('e'.repeat(256));
    expect(call.endUserId).toBe('u'.repeat(128));
    // The rollups took the call too (their btree keys are the cut names).
    const rollup = await db.callRollupHourly.findFirst({ where: { projectId: tenant.project.id, feature: '🦀'.repeat(64) } });
    expect(Number(rollup?.calls)).toBeGreaterThanOrEqual(1);
  });

  it('a rejected 9.2e18-token span does not poison its rollup bucket: later batches in the same bucket are stored', async () => {
    const feature = `poison-${format}-${hex(4)}`;
    const first = hex(16);
    const poisoned = await post(format, encode(format, batch(first, goodSpan('', { 'tierlens.feature': feature, 'gen_ai.usage.input_tokens': { int: '9200000000000000000' } }))));
    expect(poisoned).toMatchObject({ status: 200, rejectedSpans: 1 });
    for (let i = 0; i < 3; i++) {
      const traceId = hex(16);
      const spans = [goodSpan(traceId, { 'tierlens.feature': feature }), goodSpan(traceId, { 'tierlens.feature': feature, 'gen_ai.usage.input_tokens': { int: 1_000_000_000_000 } })];
      expect(await post(format, encode(format, spans))).toMatchObject({ status: 200, rejectedSpans: 0 });
      expect(await storedOf(traceId)).toHaveLength(2);
    }
    const calls = await db.llmCall.aggregate({ where: { projectId: tenant.project.id, feature }, _count: true, _sum: { inputTokens: true } });
    const rollups = await db.callRollupHourly.aggregate({ where: { projectId: tenant.project.id, feature }, _sum: { calls: true, inputTokens: true } });
    expect(calls._count).toBe(6);
    expect(Number(rollups._sum.calls)).toBe(6);
    // Rollup token sums are NUMERIC (they cannot overflow), call counts BIGINT: compared as integers.
    expect(BigInt(String(rollups._sum.inputTokens))).toBe(calls._sum.inputTokens);
    expect(calls._sum.inputTokens).toBe(3n * 1_000_000_001_000n);
  });
});

describe('a protobuf request gets protobuf answers on errors too', () => {
  it('a body that is not protobuf: 400 with a protobuf google.rpc.Status', async () => {
    const res = await fetch(`${ingest.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${tenant.apiKey.secret}` },
      body: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    const reader = new BinaryReader(new Uint8Array(await res.arrayBuffer()));
    const fields: Record<number, unknown> = {};
    while (reader.pos < reader.len) {
      const [field] = reader.tag();
      fields[field] = field === 1 ? reader.int32() : reader.string();
    }
    expect(fields[1]).toBe(3); // INVALID_ARGUMENT
    expect(String(fields[2])).toMatch(/Could not decode/);
  });
});

// Arbitrary attribute values (any string, including NUL and lone surrogates, any int64, any
// double, nested lists and maps) on the keys the mappers read and on others, in both formats:
// the ingest answers 200 (or a 4xx for a body it cannot decode), never a 5xx.
const KEYS = [
  'gen_ai.request.model', 'gen_ai.response.model', 'gen_ai.provider.name', 'gen_ai.operation.name',
  'gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens', 'gen_ai.usage.cache_read.input_tokens',
  'gen_ai.usage.reasoning.output_tokens', 'gen_ai.usage.cost', 'gen_ai.response.finish_reasons',
  'gen_ai.response.time_to_first_chunk', 'gen_ai.input.messages', 'gen_ai.output.messages',
  'tierlens.feature', 'tierlens.environment', 'tierlens.end_user.id', 'tierlens.query_type',
  'tierlens.query_type.confidence', 'tierlens.tag.team', 'error.type', 'llm.model_name',
  'ai.operationId', 'ai.usage.promptTokens', 'ai.response.providerMetadata', 'langfuse.observation.type',
];
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\u0000', '\ud800', '\udfff', 'x'.repeat(9000), 'gpt-4o', '{"a":1}', '[]', '-1', '1e400'));
const leaf: fc.Arbitrary<TestValue> = fc.oneof(
  anyString,
  fc.boolean(),
  fc.double(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => ({ int: n.toString() })),
  fc.integer({ min: -5, max: 5000 }).map((n) => ({ int: n })),
);
const value: fc.Arbitrary<TestValue> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(anyString, leaf, { maxKeys: 3 }).map((kv) => ({ kv })) },
);
const attributes = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), anyString), value, { minKeys: 1, maxKeys: 12 });
const times = fc.record({ offsetMs: fc.integer({ min: -40 * DAY_MS, max: 2 * DAY_MS }), durationNs: fc.bigInt({ min: 0n, max: 2n ** 50n }) });

describe('property: random attribute values never yield a 5xx', () => {
  it.each<Format>(['json', 'protobuf'])('OTLP/%s', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(attributes, times), { minLength: 1, maxLength: 6 }), async (items) => {
        const traceId = hex(16);
        const spans = items.map(([attrs, t]) => {
          const span = goodSpan(traceId, attrs);
          const start = BigInt(Date.now() + t.offsetMs) * NS_PER_MS;
          return { ...span, start, end: start + t.durationNs };
        });
        spans.push(goodSpan(traceId));
        const answer = await post(format, encode(format, spans));
        expect(answer.status, `${answer.status} ${answer.errorMessage}\n${log.slice(-3).join('\n')}`).toBeLessThan(500);
        if (answer.status === 200) {
          // Every span is stored or counted as rejected (none are skipped: all are chat spans with gen_ai.operation.name).
          const stored = await storedOf(traceId);
          expect(stored.length).toBeGreaterThanOrEqual(1);
          expect(stored.length + answer.rejectedSpans).toBeLessThanOrEqual(spans.length);
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
  }, 120_000);
});
