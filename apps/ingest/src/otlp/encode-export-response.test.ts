import { BinaryReader } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import {
  encodeExportResponse,
  encodeExportTraceResponseJson,
  encodeExportTraceResponseProtobuf,
} from './encode-export-response.ts';
import { encodeStatus, rpcCodeForHttpStatus } from './encode-rpc-status.ts';

describe('export response encoders', () => {
  it('encodes a fully accepted request as an empty message', () => {
    expect(encodeExportTraceResponseProtobuf()).toHaveLength(0);
    expect(encodeExportTraceResponseProtobuf({ rejectedSpans: 0, errorMessage: '' })).toHaveLength(0);
    expect(encodeExportTraceResponseJson()).toBe('{}');
  });

  it('encodes partial_success { rejected_spans, error_message } in protobuf', () => {
    const bytes = encodeExportTraceResponseProtobuf({ rejectedSpans: 3, errorMessage: 'no model' });
    const r = new BinaryReader(bytes);
    expect(r.tag()).toEqual([1, 2]);
    const inner = new BinaryReader(r.bytes());
    expect(inner.tag()).toEqual([1, 0]);
    expect(inner.int64()).toBe(3n);
    expect(inner.tag()).toEqual([2, 2]);
    expect(inner.string()).toBe('no model');
  });

  it('encodes partial_success in OTLP/JSON with int64 as a decimal string', () => {
    expect(JSON.parse(encodeExportTraceResponseJson({ rejectedSpans: 2, errorMessage: 'bad ids' }))).toEqual({
      partialSuccess: { rejectedSpans: '2', errorMessage: 'bad ids' },
    });
    const bytes = encodeExportResponse('json', { rejectedSpans: 1, errorMessage: 'é' });
    expect(new TextDecoder().decode(bytes)).toBe('{"partialSuccess":{"rejectedSpans":"1","errorMessage":"é"}}');
  });

  it('encodes google.rpc.Status error bodies with a code that matches the HTTP status', () => {
    expect(rpcCodeForHttpStatus(400)).toBe(3);
    expect(rpcCodeForHttpStatus(429)).toBe(8);
    expect(rpcCodeForHttpStatus(503)).toBe(14);
    expect(JSON.parse(new TextDecoder().decode(encodeStatus('json', 401, 'no key')))).toEqual({ code: 16, message: 'no key' });
    const r = new BinaryReader(encodeStatus('protobuf', 400, 'bad'));
    expect(r.tag()).toEqual([1, 0]);
    expect(r.int32()).toBe(3);
    expect(r.tag()).toEqual([2, 2]);
    expect(r.string()).toBe('bad');
  });
});
