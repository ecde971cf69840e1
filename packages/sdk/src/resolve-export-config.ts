import { ZTierlensEnv, type TierlensEnv } from './tierlens-options.js';

/** Where and how the SDK exports, after options and environment are combined. */
export interface ExportConfig {
  url: string;
  headers: Record<string, string>;
  timeoutMillis: number;
  /** True when an API key or an `Authorization` header is configured. */
  hasCredentials: boolean;
}

export const DEFAULT_ENDPOINT = 'http://localhost:4318';
export const DEFAULT_TIMEOUT_MILLIS = 10_000;

/** Reads the SDK's environment variables; unknown or malformed values are ignored. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): TierlensEnv {
  const parsed = ZTierlensEnv.safeParse(env);
  return parsed.success ? parsed.data : {};
}

/**
 * Combines explicit options with the environment. Explicit options win; `TIERLENS_*` wins over
 * `OTEL_EXPORTER_OTLP_*`; a signal-specific OTel variable wins over the generic one (and, as the
 * OTLP exporter spec says, a `..._TRACES_ENDPOINT` is used as is, while a base endpoint gets
 * `/v1/traces` appended).
 */
export function resolveExportConfig(
  options: { apiKey?: string; endpoint?: string; headers?: Record<string, string>; timeoutMillis?: number },
  env: TierlensEnv = readEnv(),
): ExportConfig {
  const base = options.endpoint ?? env.TIERLENS_ENDPOINT;
  const url = base
    ? joinTracesPath(base)
    : (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? joinTracesPath(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? DEFAULT_ENDPOINT));
  const headers: Record<string, string> = {
    ...parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS),
    ...parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS),
    ...options.headers,
  };
  const apiKey = options.apiKey ?? env.TIERLENS_API_KEY;
  if (apiKey) {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
    headers['Authorization'] = `Bearer ${apiKey}`;
  }
  return {
    url,
    headers,
    timeoutMillis: options.timeoutMillis ?? env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? env.OTEL_EXPORTER_OTLP_TIMEOUT ?? DEFAULT_TIMEOUT_MILLIS,
    hasCredentials: Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'),
  };
}

function joinTracesPath(base: string): string {
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

/** Parses `key1=value1,key2=value2` (values URL-encoded), the OTLP exporter's header format. */
export function parseOtlpHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!value) return headers;
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = pair.slice(0, eq).trim();
    try {
      headers[key] = decodeURIComponent(pair.slice(eq + 1).trim());
    } catch {
      headers[key] = pair.slice(eq + 1).trim();
    }
  }
  return headers;
}
