import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { SpanKind as ApiSpanKind, SpanStatusCode, context, trace, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter as OTLPHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodedSpan } from './decoded-span.ts';
import { decodeExportRequest, otlpFormatOf } from './decode-export-request.ts';
import { encodeExportResponse } from './encode-export-response.ts';

interface Captured {
  contentType: string;
  body: Uint8Array;
}

let server: Server;
let url: string;
const captured: Captured[] = [];

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
    const contentType = req.headers['content-type'] ?? '';
    captured.push({ contentType, body: new Uint8Array(body) });
    const format = otlpFormatOf(contentType) ?? 'json';
    // Answer with a partial success, so the exporters also read our response encoding.
    const answer = encodeExportResponse(format, { rejectedSpans: 1, errorMessage: 'one span had no model' });
    res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': answer.length });
    res.end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const CHAT_ATTRIBUTES: Attributes = {
  'gen_ai.operation.name': 'chat',
  'gen_ai.provider.name': 'openai',
  'gen_ai.request.model': 'gpt-4o',
  'gen_ai.usage.input_tokens': 1200,
  'gen_ai.usage.cache_read.input_tokens': 200,
  'gen_ai.usage.output_tokens': 300,
  'gen_ai.request.temperature': 0.7,
  'gen_ai.request.stream': true,
  'gen_ai.response.finish_reasons': ['stop', 'length'],
  'test.int_array': [1, 2, 3],
  'test.double_array': [0.5, 1.25],
  'test.bool_array': [true, false],
  'test.unicode': 'prix: 3 € — 日本語',
  'test.negative': -7,
};

/** Makes a parent agent span and a chat child with known attributes; returns them as exported. */
function makeSpans(): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'checkout-api', 'deployment.environment.name': 'staging' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('tierlens-test-scope', '1.2.3');
  const parent = tracer.startSpan('invoke_agent planner', { attributes: { 'gen_ai.operation.name': 'invoke_agent' } });
  // No context manager is registered here, so the parent is passed explicitly.
  const child = tracer.startSpan(
    'chat gpt-4o',
    { kind: ApiSpanKind.CLIENT, attributes: CHAT_ATTRIBUTES },
    trace.setSpan(context.active(), parent),
  );
  child.addEvent('gen_ai.client.inference.operation.details', { 'gen_ai.output.type': 'text', 'chunk.count': 12 });
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream 529' });
  child.end();
  parent.end();
  return memory.getFinishedSpans();
}

function exportWith(exporter: SpanExporter, spans: ReadableSpan[]): Promise<number> {
  return new Promise((resolve) => exporter.export(spans, (result) => resolve(result.code)));
}

function nanos(hr: [number, number]): bigint {
  return BigInt(hr[0]) * 1_000_000_000n + BigInt(hr[1]);
}

function expectDecodedMatches(decoded: DecodedSpan[], spans: ReadableSpan[]): void {
  expect(decoded).toHaveLength(2);
  const chatSource = spans.find((s) => s.name === 'chat gpt-4o')!;
  const agentSource = spans.find((s) => s.name === 'invoke_agent planner')!;
  const chat = decoded.find((s) => s.name === 'chat gpt-4o')!;
  const agent = decoded.find((s) => s.name === 'invoke_agent planner')!;

  expect(chat.traceId).toBe(chatSource.spanContext().traceId);
  expect(chat.spanId).toBe(chatSource.spanContext().spanId);
  expect(chat.parentSpanId).toBe(agentSource.spanContext().spanId);
  expect(agent.parentSpanId).toBeNull();
  expect(chat.invalidReason).toBeNull();
  expect(chat.kind).toBe(3);
  expect(agent.kind).toBe(1);
  expect(chat.startTimeUnixNano).toBe(nanos(chatSource.startTime));
  expect(chat.endTimeUnixNano).toBe(nanos(chatSource.endTime));
  expect(chat.statusCode).toBe(2);
  expect(chat.statusMessage).toBe('upstream 529');
  expect(chat.scopeName).toBe('tierlens-test-scope');
  expect(chat.scopeVersion).toBe('1.2.3');
  expect(chat.resource['service.name']).toBe('checkout-api');
  expect(chat.resource['deployment.environment.name']).toBe('staging');
  expect(chat.attributes).toEqual({
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.usage.input_tokens': 1200,
    'gen_ai.usage.cache_read.input_tokens': 200,
    'gen_ai.usage.output_tokens': 300,
    'gen_ai.request.temperature': 0.7,
    'gen_ai.request.stream': true,
    'gen_ai.response.finish_reasons': ['stop', 'length'],
    'test.int_array': [1, 2, 3],
    'test.double_array': [0.5, 1.25],
    'test.bool_array': [true, false],
    'test.unicode': 'prix: 3 € — 日本語',
    'test.negative': -7,
  });
  expect(chat.events).toHaveLength(1);
  expect(chat.events[0]!.name).toBe('gen_ai.client.inference.operation.details');
  expect(chat.events[0]!.attributes).toEqual({ 'gen_ai.output.type': 'text', 'chunk.count': 12 });
  expect(chat.events[0]!.timeUnixNano).toBe(nanos(chatSource.events[0]!.time));
}

describe('decoding what the official OpenTelemetry JS exporters send', () => {
  it('decodes @opentelemetry/exporter-trace-otlp-proto bytes', async () => {
    captured.length = 0;
    const spans = makeSpans();
    const exporter = new OTLPProtoExporter({ url });
    expect(await exportWith(exporter, spans)).toBe(0); // SUCCESS, our partial_success response accepted
    await exporter.shutdown();
    expect(captured).toHaveLength(1);
    expect(otlpFormatOf(captured[0]!.contentType)).toBe('protobuf');
    expectDecodedMatches(decodeExportRequest(captured[0]!.body, 'protobuf'), spans);
  });

  it('decodes @opentelemetry/exporter-trace-otlp-http (OTLP/JSON) bodies', async () => {
    captured.length = 0;
    const spans = makeSpans();
    const exporter = new OTLPHttpJsonExporter({ url });
    expect(await exportWith(exporter, spans)).toBe(0);
    await exporter.shutdown();
    expect(captured).toHaveLength(1);
    expect(otlpFormatOf(captured[0]!.contentType)).toBe('json');
    expectDecodedMatches(decodeExportRequest(captured[0]!.body, 'json'), spans);
  });
});
