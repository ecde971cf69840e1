/** Strings up to this many bytes are looked up in (and added to) the cache. */
const CACHED_MAX_BYTES = 48;
const CACHE_SIZE = 4096; // a power of two
const cache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE).fill(undefined);

/**
 * UTF-8 text of `buf[start, end)`. Short ASCII strings (attribute keys, model and provider names,
 * operation names) repeat in every span of a batch: they are returned from a small direct-mapped
 * cache, which saves the allocation and, for keys, V8's re-interning when they become property
 * names. Invalid UTF-8 becomes U+FFFD, as protobuf's non-strict string decoding does.
 */
export function decodeUtf8Cached(buf: Buffer, start: number, end: number): string {
  const length = end - start;
  if (length === 0) return '';
  if (length > CACHED_MAX_BYTES) return buf.toString('utf8', start, end);
  let hash = length;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, 16777619);
  const slot = (hash >>> 0) & (CACHE_SIZE - 1);
  const cached = cache[slot];
  if (cached !== undefined && cached.length === length) {
    let i = 0;
    while (i < length && cached.charCodeAt(i) === buf[start + i]) i++;
    if (i === length) return cached;
  }
  const text = buf.toString('utf8', start, end);
  // Only ASCII strings are cached (one char per byte, so the comparison above is exact).
  if (text.length === length && isAscii(buf, start, end)) cache[slot] = text;
  return text;
}

function isAscii(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i]! > 0x7f) return false;
  return true;
}
