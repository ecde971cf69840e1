import type { AttrValue, Attributes } from '../otlp/decoded-span.ts';

/** The first non-empty string among `keys`, trimmed; numbers are not accepted as strings. */
export function readString(attrs: Attributes, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = attrs[key];
    if (typeof value === 'string' && value !== '') {
      // Trimming allocates: only do it when there is whitespace at an end.
      if (value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return value;
      const trimmed = value.trim();
      if (trimmed !== '') return trimmed;
    }
  }
  return null;
}

/** The first finite number among `keys`; decimal strings and bigints are accepted. */
export function readNumber(attrs: Attributes, ...keys: string[]): number | null {
  for (const key of keys) {
    const n = toNumber(attrs[key]);
    if (n !== null) return n;
  }
  return null;
}

/** A finite number from a number, bigint or decimal string. */
export function toNumber(value: AttrValue | unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** True when the first present of `keys` is `true` (or the string `"true"`). */
export function readBoolean(attrs: Attributes, ...keys: string[]): boolean | null {
  for (const key of keys) {
    const value = attrs[key];
    if (typeof value === 'boolean') return value;
    if (value === 'true') return true;
    if (value === 'false') return false;
  }
  return null;
}

/**
 * Reads token counts. A count is a non-negative integer; a negative one is recorded as a
 * problem (the span is then rejected) and a non-numeric one is ignored. Floats are rounded.
 */
export class TokenCountReader {
  /** Why the span's counts cannot be used; empty when they can. */
  readonly problems: string[] = [];

  constructor(private readonly attrs: Attributes) {}

  /** The first present count among `keys`, or undefined. */
  read(...keys: string[]): number | undefined {
    for (const key of keys) {
      const value = this.attrs[key];
      if (value === undefined || value === null) continue;
      const n = toNumber(value);
      if (n === null) continue;
      return this.check(n, key);
    }
    return undefined;
  }

  /** Checks a count that came from elsewhere (a parsed JSON attribute). */
  check(n: number, what: string): number | undefined {
    if (!Number.isFinite(n)) return undefined;
    if (n < 0) {
      this.problems.push(`negative token count in ${what}`);
      return undefined;
    }
    return Math.round(n);
  }
}

/** The strings of a string array attribute (or of a JSON array string), else an empty list. */
export function readStringList(attrs: Attributes, key: string): string[] {
  const value = attrs[key];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string' && value !== '') {
    if (value.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === 'string');
      } catch {
        // not JSON: a single value
      }
    }
    return [value];
  }
  return [];
}

/** True when some attribute key starts with `prefix`. */
export function hasKeyWithPrefix(attrs: Attributes, prefix: string): boolean {
  for (const key in attrs) if (key.startsWith(prefix)) return true;
  return false;
}

/**
 * Collects indexed attributes `<prefix><i>.<rest>` (e.g. `gen_ai.prompt.0.role`) into a list of
 * records `{ rest: value }` ordered by index.
 */
export function readIndexed(attrs: Attributes, prefix: string): Record<string, AttrValue>[] {
  const byIndex = new Map<number, Record<string, AttrValue>>();
  for (const key in attrs) {
    if (!key.startsWith(prefix)) continue;
    const dot = key.indexOf('.', prefix.length);
    const indexEnd = dot === -1 ? key.length : dot;
    let index = 0;
    let i = prefix.length;
    for (; i < indexEnd; i++) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) break;
      index = index * 10 + (c - 48);
    }
    if (i !== indexEnd || i === prefix.length) continue;
    let entry = byIndex.get(index);
    if (entry === undefined) byIndex.set(index, (entry = {}));
    entry[dot === -1 ? '' : key.slice(dot + 1)] = attrs[key]!;
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
}

/** Seconds as milliseconds, or null. */
export function secondsToMs(seconds: number | null): number | null {
  return seconds === null || seconds < 0 ? null : seconds * 1000;
}
