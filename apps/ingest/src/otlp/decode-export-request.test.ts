import { describe, expect, it } from 'vitest';
import { decodeExportRequest, otlpFormatOf } from './decode-export-request.ts';
import { encodeTestRequestJson, encodeTestRequestProtobuf } from './test-support/encode-test-request.ts';
import { sampleRequest } from './test-support/sample-request.ts';

describe('decodeExportRequest', () => {
  it('reads the format from the content type', () => {
    expect(otlpFormatOf('application/x-protobuf')).toBe('protobuf');
    expect(otlpFormatOf('application/protobuf')).toBe('protobuf');
    expect(otlpFormatOf('Application/JSON; charset=utf-8')).toBe('json');
    expect(otlpFormatOf('text/plain')).toBeNull();
    expect(otlpFormatOf(undefined)).toBeNull();
  });

  it('dispatches to the decoder of the format', () => {
    const request = sampleRequest();
    expect(decodeExportRequest(encodeTestRequestProtobuf(request), 'protobuf')).toHaveLength(2);
    expect(decodeExportRequest(Buffer.from(encodeTestRequestJson(request)), 'json')).toHaveLength(2);
  });
});
