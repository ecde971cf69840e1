/**
 * Decode + map throughput of the ingest's pure path, for a realistic 512-span OTLP protobuf batch
 * (agent traces mixing OTel GenAI, Vercel AI SDK, OpenInference, Langfuse and OpenLLMetry spans
 * with HTTP/DB spans; a quarter of LLM spans carry message content). Prints spans per CPU-second
 * (one core) and the ratio to a baseline measured in the same run: `JSON.parse` of the equivalent
 * OTLP/JSON body.
 *
 * Run: npx tsx bench/ingest/decode-map.ts
 */
import { dedupeCalls, mapSpan } from '../../apps/ingest/src/mapping/index.ts';
import { decodeOtlpJson, decodeOtlpProtobuf } from '../../apps/ingest/src/otlp/index.ts';
import {
  encodeTestRequestJson,
  encodeTestRequestProtobuf,
  type TestRequest,
  type TestSpan,
  type TestValue,
} from '../../apps/ingest/src/otlp/test-support/encode-test-request.ts';

const SPANS_PER_BATCH = 512;
// Rounds of the cases are interleaved and the median kept, so that load from other processes on a
// shared machine hits the baseline and the measured code alike.
const ROUNDS = 7;
const ROUND_MS = 250;

function hex(n: number, length: number): string {
  return n.toString(16).padStart(length, '0').slice(-length);
}

const CONTENT = JSON.stringify([
  { role: 'system', parts: [{ type: 'text', content: 'You are a helpful support assistant for an e-commerce store. '.repeat(8) }] },
  { role: 'user', parts: [{ type: 'text', content: 'Where is my order #12345? It was supposed to arrive yesterday. '.repeat(4) }] },
]);

function llmAttributes(kind: number, withContent: boolean): Record<string, TestValue> {
  switch (kind % 5) {
    case 0:
      return {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.request.temperature': 0.2,
        'gen_ai.request.max_tokens': { int: 1024 },
        'gen_ai.response.id': 'chatcmpl-AbCdEf123456',
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.usage.input_tokens': { int: 1200 },
        'gen_ai.usage.output_tokens': { int: 300 },
        'gen_ai.usage.cache_read.input_tokens': { int: 200 },
        'server.address': 'api.openai.com',
        'server.port': { int: 443 },
        ...(withContent ? { 'gen_ai.input.messages': CONTENT } : {}),
      };
    case 1:
      return {
        'ai.operationId': 'ai.streamText.doStream',
        'operation.name': 'ai.streamText.doStream support-chat',
        'ai.model.provider': 'anthropic.messages',
        'ai.model.id': 'claude-sonnet-4-5',
        'ai.settings.maxRetries': { int: 2 },
        'ai.usage.inputTokens': { int: 1200 },
        'ai.usage.outputTokens': { int: 300 },
        'ai.usage.cachedInputTokens': { int: 200 },
        'ai.usage.inputTokenDetails.noCacheTokens': { int: 1000 },
        'ai.usage.inputTokenDetails.cacheReadTokens': { int: 200 },
        'ai.response.finishReason': 'stop',
        'ai.response.msToFirstChunk': 412.5,
        'ai.telemetry.functionId': 'support-chat',
        'gen_ai.system': 'anthropic.messages',
        'gen_ai.request.model': 'claude-sonnet-4-5',
        'gen_ai.usage.input_tokens': { int: 1200 },
        'gen_ai.usage.output_tokens': { int: 300 },
        ...(withContent ? { 'ai.prompt.messages': CONTENT } : {}),
      };
    case 2:
      return {
        'openinference.span.kind': 'LLM',
        'llm.system': 'openai',
        'llm.provider': 'openai',
        'llm.model_name': 'gpt-4o-mini-2024-07-18',
        'llm.invocation_parameters': '{"model":"gpt-4o-mini","temperature":0}',
        'llm.token_count.prompt': { int: 1200 },
        'llm.token_count.completion': { int: 300 },
        'llm.token_count.total': { int: 1500 },
        'llm.token_count.prompt_details.cache_read': { int: 200 },
        'llm.token_count.completion_details.reasoning': { int: 100 },
        'llm.input_messages.0.message.role': 'user',
        'llm.input_messages.0.message.content': 'Summarize this ticket.',
      };
    case 3:
      return {
        'langfuse.observation.type': 'generation',
        'langfuse.observation.model.name': 'gpt-4o',
        'langfuse.observation.usage_details': '{"input":1000,"output":200,"input_cached_tokens":200,"output_reasoning_tokens":100}',
        'langfuse.observation.cost_details': '{"input":0.0025,"output":0.003,"total":0.0055}',
        'langfuse.observation.completion_start_time': '"2026-01-01T00:00:00.420Z"',
        'user.id': 'user-123',
        'session.id': 'session-9',
        ...(withContent ? { 'langfuse.observation.input': CONTENT } : {}),
      };
    default:
      return {
        'gen_ai.system': 'OpenAI',
        'llm.request.type': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.usage.prompt_tokens': { int: 1200 },
        'gen_ai.usage.completion_tokens': { int: 300 },
        'llm.usage.total_tokens': { int: 1500 },
        'gen_ai.prompt.0.role': 'user',
        'gen_ai.prompt.0.content': 'Translate to French: good morning',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.content': 'Bonjour',
      };
  }
}

/** Traces of 8 spans: HTTP server → agent → 3 LLM calls, a tool, a DB query, an outbound HTTP call. */
function realisticBatch(): TestRequest {
  const spans: TestSpan[] = [];
  const start = 1_767_225_600_000_000_000n;
  for (let t = 0; spans.length < SPANS_PER_BATCH; t++) {
    const traceId = hex(0xabc0000 + t, 32);
    const id = (n: number): string => hex(t * 16 + n + 1, 16);
    const base = (n: number, name: string, attributes: Record<string, TestValue>, parent?: number): TestSpan => ({
      traceId,
      spanId: id(n),
      ...(parent === undefined ? {} : { parentSpanId: id(parent) }),
      name,
      kind: n === 0 ? 2 : 1,
      start: start + BigInt(t * 1_000_000 + n * 1000),
      end: start + BigInt(t * 1_000_000 + n * 1000 + 800_000_000),
      attributes,
    });
    spans.push(base(0, 'POST /api/chat', { 'http.request.method': 'POST', 'http.route': '/api/chat', 'http.response.status_code': { int: 200 } }));
    spans.push(base(1, 'invoke_agent support', { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'support' }, 0));
    for (let k = 0; k < 3; k++) spans.push(base(2 + k, 'chat', llmAttributes(t * 3 + k, (t * 3 + k) % 4 === 0), 1));
    spans.push(base(5, 'execute_tool lookup_order', { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup_order' }, 1));
    spans.push(base(6, 'SELECT orders', { 'db.system.name': 'postgresql', 'db.query.text': 'SELECT * FROM orders WHERE id = $1' }, 5));
    spans.push(base(7, 'GET', { 'http.request.method': 'GET', 'url.full': 'https://carrier.example/track/12345' }, 5));
  }
  spans.length = SPANS_PER_BATCH;
  return {
    resourceSpans: [
      {
        resource: { 'service.name': 'support-api', 'service.version': '1.4.2', 'deployment.environment.name': 'prod', 'telemetry.sdk.language': 'nodejs' },
        scopes: [{ name: '@opentelemetry/instrumentation-openai', version: '0.5.0', spans }],
      },
    ],
  };
}

interface Case {
  label: string;
  run: () => number;
  rates: number[];
}

/**
 * One round of a case: spans per CPU-second of this process over ~`ROUND_MS` of CPU time. CPU
 * time (not wall time) so that being descheduled on a busy machine does not count.
 */
function round(c: Case): void {
  let spans = 0;
  const begin = process.cpuUsage();
  let cpuMs = 0;
  while (cpuMs < ROUND_MS) {
    spans += c.run();
    const used = process.cpuUsage(begin);
    cpuMs = (used.user + used.system) / 1000;
  }
  c.rates.push((spans / cpuMs) * 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const request = realisticBatch();
const protobuf = encodeTestRequestProtobuf(request);
const json = encodeTestRequestJson(request);
const jsonBytes = Buffer.from(json);
const sample = dedupeCalls(decodeOtlpProtobuf(protobuf).map(mapSpan));
const kinds = sample.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.kind]: (acc[r.kind] ?? 0) + 1 }), {});
console.log(`batch: ${SPANS_PER_BATCH} spans, protobuf ${protobuf.length} bytes, JSON ${jsonBytes.length} bytes; mapped ${JSON.stringify(kinds)}`);

const cases: Case[] = [
  {
    label: 'baseline: JSON.parse of the OTLP/JSON body',
    run: () => (JSON.parse(json) as { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] }).resourceSpans[0]!.scopeSpans[0]!.spans.length,
    rates: [],
  },
  { label: 'decodeOtlpProtobuf', run: () => decodeOtlpProtobuf(protobuf).length, rates: [] },
  { label: 'decodeOtlpProtobuf + mapSpan + dedupeCalls', run: () => dedupeCalls(decodeOtlpProtobuf(protobuf).map(mapSpan)).length, rates: [] },
  { label: 'decodeOtlpJson + mapSpan + dedupeCalls', run: () => dedupeCalls(decodeOtlpJson(jsonBytes).map(mapSpan)).length, rates: [] },
];
for (const c of cases) for (let i = 0; i < 30; i++) c.run(); // warm-up
for (let r = 0; r < ROUNDS; r++) for (const c of cases) round(c);
const baseline = median(cases[0]!.rates);
for (const c of cases) {
  const rate = median(c.rates);
  const ratio = c === cases[0] ? '' : `  ${(rate / baseline).toFixed(2)}x baseline`;
  console.log(`${c.label.padEnd(44)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} spans/cpu-s${ratio}`);
}
