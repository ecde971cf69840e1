import { QUERY_TYPES } from '@tierlens/analyzer';
import type { AttrValue, Attributes, DecodedSpan } from '../otlp/decoded-span.ts';
import type { CanonicalCall } from './canonical-call.ts';
import { TAG_VALUE_MAX_CHARS, TAGS_MAX_COUNT } from './limits.ts';
import { readNumber, readString } from './read-attributes.ts';

// `unknown` is not a hint: an app that does not know says nothing.
const QUERY_TYPE_SET = new Set<string>(QUERY_TYPES.filter((q) => q !== 'unknown'));
const TAG_PREFIX = 'tierlens.tag.';

/** What the app said about a call: Tierlens SDK attributes and the standard user/environment ones. */
export type AppContext = Pick<CanonicalCall, 'queryTypeHint' | 'feature' | 'environment' | 'endUserId' | 'tags'>;

/** Values a convention-specific mapper found, used when the Tierlens and standard attributes are absent. */
export interface AppContextFallbacks {
  environment?: string | null;
  endUserId?: string | null;
}

/**
 * Reads the Tierlens SDK attributes (`tierlens.query_type.hint`; `tierlens.query_type` with
 * `.source` and `.confidence`; `tierlens.feature`, `tierlens.environment`, `tierlens.end_user.id`,
 * `tierlens.tag.<key>`) and the standard `deployment.environment.name`, `enduser.id`, `user.id`.
 * Span attributes win over resource attributes; resource tags are merged under span tags.
 */
export function readAppContext(span: DecodedSpan, fallbacks: AppContextFallbacks = {}): AppContext {
  const a = span.attributes;
  const r = span.resource;
  return {
    queryTypeHint: readQueryTypeHint(a) ?? readQueryTypeHint(r),
    feature: readString(a, 'tierlens.feature') ?? readString(r, 'tierlens.feature'),
    environment:
      readString(a, 'tierlens.environment', 'deployment.environment.name') ??
      readString(r, 'tierlens.environment', 'deployment.environment.name', 'deployment.environment') ??
      fallbacks.environment ??
      null,
    endUserId:
      readString(a, 'tierlens.end_user.id', 'enduser.id', 'user.id') ??
      fallbacks.endUserId ??
      readString(r, 'tierlens.end_user.id', 'enduser.id', 'user.id'),
    tags: readTags(r, a),
  };
}

function readQueryTypeHint(attrs: Attributes): AppContext['queryTypeHint'] {
  const hint = normalizeQueryType(readString(attrs, 'tierlens.query_type.hint'));
  if (hint !== null) return { queryType: hint, source: 'hint', confidence: 1 };
  const queryType = normalizeQueryType(readString(attrs, 'tierlens.query_type'));
  if (queryType === null) return null;
  const source = readString(attrs, 'tierlens.query_type.source') === 'sdk-classifier' ? 'sdk-classifier' : 'hint';
  const confidence = readNumber(attrs, 'tierlens.query_type.confidence');
  return {
    queryType,
    source,
    // An explicit type without a confidence is the app's own decision; a classifier without one is unknown.
    confidence: confidence === null ? (source === 'hint' ? 1 : 0) : Math.min(1, Math.max(0, confidence)),
  };
}

function normalizeQueryType(value: string | null): string | null {
  if (value === null) return null;
  const normalized = value.toLowerCase().replace(/[\s-]+/g, '_');
  return QUERY_TYPE_SET.has(normalized) ? normalized : null;
}

function readTags(...sources: Attributes[]): Record<string, string> {
  const tags: Record<string, string> = {};
  let count = 0;
  for (const attrs of sources) {
    for (const key in attrs) {
      if (!key.startsWith(TAG_PREFIX) || key.length === TAG_PREFIX.length) continue;
      const value = tagValue(attrs[key]!);
      if (value === null) continue;
      const name = key.slice(TAG_PREFIX.length);
      if (!(name in tags)) {
        if (count >= TAGS_MAX_COUNT) continue;
        count++;
      }
      Object.defineProperty(tags, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return tags;
}

function tagValue(value: AttrValue): string | null {
  if (typeof value === 'string') return value.slice(0, TAG_VALUE_MAX_CHARS);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return null;
}
