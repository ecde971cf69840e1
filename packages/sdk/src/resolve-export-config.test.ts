import { describe, expect, it } from 'vitest';
import { parseOtlpHeaders, readEnv, resolveExportConfig } from './resolve-export-config.js';

describe('resolveExportConfig', () => {
  it('defaults to http://localhost:4318/v1/traces and 10 s', () => {
    expect(resolveExportConfig({}, {})).toEqual({ url: 'http://localhost:4318/v1/traces', headers: {}, timeoutMillis: 10_000, hasCredentials: false });
  });

  it('sends the API key as a Bearer token, replacing any Authorization from the OTel headers', () => {
    const c = resolveExportConfig({}, { TIERLENS_API_KEY: 'tl_1', OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Basic%20x,x-team=a%20b' });
    expect(c.headers).toEqual({ Authorization: 'Bearer tl_1', 'x-team': 'a b' });
    expect(c.hasCredentials).toBe(true);
  });

  it('options win over TIERLENS_* which win over OTEL_*; a traces endpoint is used as is', () => {
    const env = readEnv({
      TIERLENS_ENDPOINT: 'https://ingest.example.com/',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom/traces',
      OTEL_EXPORTER_OTLP_TIMEOUT: '3000',
      OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: 'not a number',
    });
    expect(resolveExportConfig({}, env).url).toBe('https://ingest.example.com/v1/traces');
    expect(resolveExportConfig({ endpoint: 'http://x:1' }, env).url).toBe('http://x:1/v1/traces');
    expect(resolveExportConfig({}, { ...env, TIERLENS_ENDPOINT: undefined }).url).toBe('http://collector:4318/custom/traces');
    expect(resolveExportConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).url).toBe('http://collector:4318/v1/traces');
    expect(resolveExportConfig({}, env).timeoutMillis).toBe(3000);
    expect(resolveExportConfig({ timeoutMillis: 500 }, env).timeoutMillis).toBe(500);
  });

  it('an Authorization header from OTEL_EXPORTER_OTLP_HEADERS alone counts as credentials', () => {
    expect(resolveExportConfig({}, { OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'Authorization=Bearer%20abc' }).hasCredentials).toBe(true);
  });

  it('parseOtlpHeaders skips malformed pairs', () => {
    expect(parseOtlpHeaders('a=1,,=2,b,c=%E0%A4%A')).toEqual({ a: '1', c: '%E0%A4%A' });
  });
});
