/** Size limits applied while mapping spans. Numbers are never truncated. */

/** `promptText` (system instructions + last user message) is cut to this many characters. */
export const PROMPT_TEXT_MAX_CHARS = 4_000;

/** `completionText` is cut to this many characters. */
export const COMPLETION_TEXT_MAX_CHARS = 4_000;

/** A string attribute value kept in `CanonicalCall.attributes` is cut to this many characters. */
export const ATTRIBUTE_VALUE_MAX_CHARS = 8_192;

/** Arrays kept in `CanonicalCall.attributes` keep at most this many items. */
export const ATTRIBUTE_ARRAY_MAX_ITEMS = 128;

/**
 * Content attributes (message JSON) longer than this are not parsed for prompt text: parsing a
 * multi-megabyte conversation for a 4,000-character excerpt is not worth the CPU at ingest.
 */
export const CONTENT_PARSE_MAX_CHARS = 1_000_000;

/** Marker appended to a truncated string (the number is how many characters were cut). */
export function truncationMarker(cut: number): string {
  return `…[truncated ${cut} chars]`;
}

/** `text` cut to `max` characters, with a marker saying how much was cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, max) + truncationMarker(text.length - max);
}

/** At most this many `tierlens.tag.<key>` tags are kept per call. */
export const TAGS_MAX_COUNT = 50;

/** A tag value is cut to this many characters. */
export const TAG_VALUE_MAX_CHARS = 256;
