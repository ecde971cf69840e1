// ES2024 string methods (Node 20 has them; the project's `lib` is ES2023).
declare global {
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

/**
 * A string Postgres can store as `text` and inside `jsonb`: NUL characters and lone UTF-16
 * surrogates (which JSON can spell as `\u0000` and `\ud800` but Postgres refuses, failing the
 * whole statement) are replaced with U+FFFD. Returns the same string when it is already clean.
 */
export function cleanString(value: string): string {
  if (value.indexOf('\u0000') === -1 && value.isWellFormed()) return value;
  return value.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

/** True when {@link cleanString} would change nothing. */
export function isCleanString(value: string): boolean {
  return value.indexOf('\u0000') === -1 && value.isWellFormed();
}

/**
 * `value` cleaned and cut to at most `maxBytes` bytes of UTF-8, on a character boundary (never
 * inside a surrogate pair or a multi-byte sequence). Returns the same string when it fits.
 */
export function truncateUtf8(value: string, maxBytes: number): string {
  const clean = cleanString(value);
  // Every UTF-16 unit is at most 3 bytes of UTF-8: short strings need no counting.
  if (clean.length * 3 <= maxBytes || Buffer.byteLength(clean, 'utf8') <= maxBytes) return clean;
  let bytes = 0;
  let end = 0;
  while (end < clean.length) {
    const code = clean.codePointAt(end)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += code >= 0x10000 ? 2 : 1;
  }
  return clean.slice(0, end);
}
