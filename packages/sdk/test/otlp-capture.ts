/**
 * A test OTLP/HTTP endpoint: records every export request and decodes the protobuf body into
 * spans (name, kind, attributes, status), with a minimal protobuf reader for the few
 * opentelemetry-proto v1 messages involved. Its behaviour can be switched to "answer 429/503 with
 * Retry-After", "hang" or "slow" to test the exporter against an ingest in trouble.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type AttrValue = string | number | boolean | AttrValue[];

export interface DecodedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  attributes: Record<string, AttrValue>;
  status: { code: number; message: string };
  scope: string;
  resource: Record<string, AttrValue>;
}

export interface CapturedRequest {
  /** `performance.now()` when the request's body had arrived. */
  receivedAt: number;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  spans: DecodedSpan[];
}

export type CaptureMode =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'hang' }
  | { kind: 'slow'; ms: number };

export interface OtlpCapture {
  url: string;
  requests: CapturedRequest[];
  spans(): DecodedSpan[];
  setMode(mode: CaptureMode): void;
  close(): Promise<void>;
}

export async function startOtlpCapture(): Promise<OtlpCapture> {
  const requests: CapturedRequest[] = [];
  let mode: CaptureMode = { kind: 'ok' };
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let spans: DecodedSpan[] = [];
      try {
        spans = decodeExportTraceServiceRequest(body);
      } catch {
        spans = [];
      }
      requests.push({ receivedAt: performance.now(), path: req.url ?? '', headers: req.headers, body, spans });
      const m = mode;
      if (m.kind === 'hang') return void hanging.push(res);
      if (m.kind === 'status') {
        res.writeHead(m.status, { 'content-type': 'application/x-protobuf', ...(m.retryAfter ? { 'retry-after': m.retryAfter } : {}) });
        return void res.end();
      }
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/x-protobuf' });
        res.end();
      };
      if (m.kind === 'slow') setTimeout(answer, m.ms);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    spans: () => requests.flatMap((r) => r.spans),
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- minimal protobuf reading -------------------------------------------------------------

type Field = { no: number; wire: number; value: bigint | Buffer };

function readVarint(buf: Buffer, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined) throw new Error('truncated varint');
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = readVarint(buf, pos);
    pos = p1;
    const no = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === 0) {
      const [v, p2] = readVarint(buf, pos);
      out.push({ no, wire, value: v });
      pos = p2;
    } else if (wire === 1) {
      out.push({ no, wire, value: buf.subarray(pos, pos + 8) });
      pos += 8;
    } else if (wire === 2) {
      const [len, p2] = readVarint(buf, pos);
      out.push({ no, wire, value: buf.subarray(p2, p2 + Number(len)) });
      pos = p2 + Number(len);
    } else if (wire === 5) {
      out.push({ no, wire, value: buf.subarray(pos, pos + 4) });
      pos += 4;
    } else throw new Error(`wire type ${wire}`);
  }
  return out;
}

const bytes = (f: Field) => f.value as Buffer;
const str = (f: Field) => bytes(f).toString('utf8');

function anyValue(buf: Buffer): AttrValue {
  for (const f of fields(buf)) {
    if (f.no === 1) return str(f);
    if (f.no === 2) return (f.value as bigint) !== 0n;
    if (f.no === 3) return Number(BigInt.asIntN(64, f.value as bigint));
    if (f.no === 4) return bytes(f).readDoubleLE(0);
    if (f.no === 5) return fields(bytes(f)).filter((v) => v.no === 1).map((v) => anyValue(bytes(v)));
  }
  return '';
}

function keyValues(list: Field[]): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const kv of list) {
    let key = '';
    let value: AttrValue = '';
    for (const f of fields(bytes(kv))) {
      if (f.no === 1) key = str(f);
      if (f.no === 2) value = anyValue(bytes(f));
    }
    out[key] = value;
  }
  return out;
}

/** Decodes `ExportTraceServiceRequest` (opentelemetry-proto v1) into flat spans. */
export function decodeExportTraceServiceRequest(body: Buffer): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const rs of fields(body).filter((f) => f.no === 1)) {
    const rsFields = fields(bytes(rs));
    const resourceField = rsFields.find((f) => f.no === 1);
    const resource = resourceField ? keyValues(fields(bytes(resourceField)).filter((f) => f.no === 1)) : {};
    for (const ss of rsFields.filter((f) => f.no === 2)) {
      const ssFields = fields(bytes(ss));
      const scopeField = ssFields.find((f) => f.no === 1);
      const scope = scopeField ? str(fields(bytes(scopeField)).find((f) => f.no === 1) ?? { no: 1, wire: 2, value: Buffer.alloc(0) }) : '';
      for (const sp of ssFields.filter((f) => f.no === 2)) {
        const s = fields(bytes(sp));
        const statusField = s.find((f) => f.no === 15);
        const status = { code: 0, message: '' };
        if (statusField) {
          for (const f of fields(bytes(statusField))) {
            if (f.no === 2) status.message = str(f);
            if (f.no === 3) status.code = Number(f.value);
          }
        }
        spans.push({
          traceId: bytes(s.find((f) => f.no === 1)!).toString('hex'),
          spanId: bytes(s.find((f) => f.no === 2)!).toString('hex'),
          name: str(s.find((f) => f.no === 5)!),
          kind: Number(s.find((f) => f.no === 6)?.value ?? 0),
          attributes: keyValues(s.filter((f) => f.no === 9)),
          status,
          scope,
          resource,
        });
      }
    }
  }
  return spans;
}
