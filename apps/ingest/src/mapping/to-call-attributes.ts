import type { AttrValue, Attributes, DecodedSpan } from '../otlp/decoded-span.ts';
import { cleanString, isCleanString } from '../bounds/clean-string.ts';
import { ATTRIBUTE_ARRAY_MAX_ITEMS, ATTRIBUTE_VALUE_MAX_CHARS, truncateText } from './limits.ts';

/** Resource attributes are kept under this prefix in `CanonicalCall.attributes`. */
export const RESOURCE_ATTRIBUTE_PREFIX = 'resource.';

/** The prefixed, JSON-safe copy of each resource, made once per batch (spans share their resource object). */
const resourceCopies = new WeakMap<Attributes, Record<string, unknown>>();

/**
 * `CanonicalCall.attributes`: every span attribute, then every resource attribute under
 * `resource.`, made JSON-safe (bigint → decimal string, bytes → base64, NaN/Infinity → string)
 * and size-capped (strings above {@link ATTRIBUTE_VALUE_MAX_CHARS} are truncated with a marker,
 * arrays keep {@link ATTRIBUTE_ARRAY_MAX_ITEMS} items; numbers are never changed) and storable
 * (NUL characters and lone surrogates in keys and strings become U+FFFD: Postgres's `jsonb`
 * refuses them, which would fail the whole batch's write).
 */
export function toCallAttributes(span: DecodedSpan): Record<string, unknown> {
  // Spread copies own keys as data properties (a `__proto__` key stays a plain key).
  const out: Record<string, unknown> = { ...span.attributes };
  for (const key in out) {
    const value = out[key] as AttrValue;
    if (!isCleanString(key)) {
      delete out[key];
      define(out, cleanString(key), jsonSafe(value, 0));
    } else if (!isPlainSafe(value)) out[key] = jsonSafe(value, 0);
  }
  let resource = resourceCopies.get(span.resource);
  if (resource === undefined) {
    resource = {};
    for (const key in span.resource) define(resource, RESOURCE_ATTRIBUTE_PREFIX + cleanString(key), jsonSafe(span.resource[key]!, 0));
    resourceCopies.set(span.resource, resource);
  }
  return Object.assign(out, resource);
}

/** True for values that are kept as they are (the common case: no copy needed). */
function isPlainSafe(value: AttrValue): boolean {
  switch (typeof value) {
    case 'string':
      return value.length <= ATTRIBUTE_VALUE_MAX_CHARS && isCleanString(value);
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    default:
      return value === null;
  }
}

function define(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function jsonSafe(value: AttrValue, depth: number): unknown {
  // Cleaned after cutting: the cut may split a surrogate pair.
  if (typeof value === 'string') return cleanString(value.length > ATTRIBUTE_VALUE_MAX_CHARS ? truncateText(value, ATTRIBUTE_VALUE_MAX_CHARS) : value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (depth > 8) return '[nested too deep]';
  if (Array.isArray(value)) {
    const items = value.length > ATTRIBUTE_ARRAY_MAX_ITEMS ? value.slice(0, ATTRIBUTE_ARRAY_MAX_ITEMS) : value;
    return items.map((item: AttrValue) => jsonSafe(item, depth + 1));
  }
  const out: Record<string, unknown> = {};
  const map = value as Record<string, AttrValue>;
  for (const key in map) define(out, cleanString(key), jsonSafe(map[key]!, depth + 1));
  return out;
}
