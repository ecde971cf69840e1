/**
 * Character classes of the query-type tokenizer (`features.ts`): which characters make words,
 * which are CJK (a word each), quotes, code and math symbols, and scripts.
 */

/** Whitespace as the tokenizer sees it (also used by the experiments in bench/classifier/experiments). */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
}

/** A character that belongs to a word (after lower-casing). */
export function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
  }
  if (code < 0xc0) return false;
  // General, CJK and full-width punctuation blocks separate words like ASCII punctuation.
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xff00 && code <= 0xff0f) return false;
  return true;
}

/** A Chinese, Japanese (kana) or Korean (Hangul) character: a word of its own. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0x3400 && code <= 0x4dbf) || // CJK extension A
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0x1100 && code <= 0x11ff) || // Hangul jamo
    (code >= 0x3130 && code <= 0x318f) || // Hangul compatibility jamo
    (code >= 0xf900 && code <= 0xfaff) // CJK compatibility ideographs
  );
}

/** `"`, `“`, `”`, `«`, `»`, `「`, `」`, `『`, `』`: 1 opens or closes, 2 opens, 3 closes, 0 is no quote mark. */
export function quoteKind(code: number): number {
  if (code === 34) return 1;
  if (code === 0x201c || code === 0xab || code === 0x300c || code === 0x300e) return 2;
  if (code === 0x201d || code === 0xbb || code === 0x300d || code === 0x300f) return 3;
  return 0;
}

/** Symbols common in maths (ASCII operators and the usual Unicode ones). */
export function isMathSymbol(code: number): boolean {
  // + * / ^ % = × ÷ ± ° π √ ∑ ∫ ∞ ≤ ≥ ≠ ≈ ∠ △ ∈ ∩ ∪ ⊆
  return (
    code === 43 || code === 42 || code === 47 || code === 94 || code === 37 || code === 61 ||
    code === 0xd7 || code === 0xf7 || code === 0xb1 || code === 0xb0 || code === 0x3c0 ||
    code === 0x221a || code === 0x2211 || code === 0x222b || code === 0x221e || code === 0x2264 ||
    code === 0x2265 || code === 0x2260 || code === 0x2248 || code === 0x2220 || code === 0x25b3 ||
    code === 0x2208 || code === 0x2229 || code === 0x222a || code === 0x2286
  );
}

/** Script of a letter: 0 none, 1 Latin, 2 Han, 3 kana, 4 Hangul, 5 Cyrillic, 6 other. */
export function scriptOf(code: number): number {
  if (code < 0x80) return (code >= 97 && code <= 122) ? 1 : 0;
  if (code >= 0xc0 && code <= 0x24f) return 1;
  if (code >= 0x3040 && code <= 0x30ff) return 3;
  if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) return 2;
  if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return 4;
  if (code >= 0x400 && code <= 0x4ff) return 5;
  return isWordChar(code) ? 6 : 0;
}

/** `{ } [ ] ( ) ; = < > _ # $ \\ ` |`: symbols that are common in code. */
export function isCodeSymbol(code: number): boolean {
  // { } [ ] ( ) ; = < > _ # $ \ ` |
  return (
    code === 123 || code === 125 || code === 91 || code === 93 || code === 40 || code === 41 ||
    code === 59 || code === 61 || code === 60 || code === 62 || code === 95 || code === 35 ||
    code === 36 || code === 92 || code === 96 || code === 124
  );
}
