/**
 * Hashed text features for the query-type classifier.
 *
 * One pass over the NFKC-normalised, lower-cased text yields five groups of hash buckets:
 * - words: word unigrams, word bigrams and the first few words tagged by position. Chinese,
 *   Japanese and Korean characters are words of their own (those scripts do not separate
 *   words by spaces), so their unigrams and bigrams are character uni- and bigrams;
 * - chars: character 3- and 4-grams, whitespace collapsed, digits folded to `0`;
 * - head: the words of the instruction region, hashed apart from the rest (see below);
 * - headCues: per query type, how many of its lexicon cues occur in the instruction region
 *   (1+, 2+, 4+) and which type has the most there;
 * - dense: binned shape statistics (length, code-symbol, digit, non-ASCII, math-symbol and
 *   line ratios, the main script, a code fence, a closing question mark) and, per query type, how many of its lexicon cues occur in the whole text (1+, 2+, 4+, 8+)
 *   and which type has the most cues.
 * Lexicon cues are one to four words long (`summarize`, `solve for`, `翻译成`: three CJK
 * characters), in nine languages, so a cue learned in one language carries over to another.
 * The instruction region is where a request states what it wants, as opposed to the text it
 * hands over (the payload): the first paragraph, at most {@link HEAD_WORDS} words, plus the
 * last paragraph when there are several and it is short (at most {@link TAIL_WORDS} words;
 * a CJK character counts half a word in both limits),
 * as in "<document>\n\nSummarise the above." Paragraphs are separated by a blank line. Words in
 * double quotes ("…", “…”, «…», 「…」, 『…』) are payload too (Translate "how are you?" into French): the
 * region skips them. A quote left open ends at the next blank line.
 * The model scales word, char and head features by 1/sqrt(group size), so long and short
 * prompts score alike, and each group by its own factor (`FeatureScales`; 0 turns a group off).
 */

import { isCjk, isCodeSymbol, isMathSymbol, isSpace, isWordChar, quoteKind, scriptOf } from './character-classes.ts';
import { TEXT_QUERY_TYPES } from './query-type.ts';
import { QUERY_TYPE_LEXICON } from './query-type-lexicon.ts';
import { MULTILINGUAL_QUERY_TYPE_LEXICON } from './query-type-lexicon-multilingual.ts';

/** Features of one text: bucket ids (one entry per occurrence) in five groups. */
export interface PromptFeatures {
  readonly words: Int32Array;
  readonly chars: Int32Array;
  readonly head: Int32Array;
  /** Lexicon cue counts of the instruction region (like the dense cue features). */
  readonly headCues: Int32Array;
  readonly dense: Int32Array;
}

const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x2b5f1c3d;
const START_SEED = 0x6d2b79f5;
const TRIGRAM_SEED = 0x1b873593;
const FOURGRAM_SEED = 0x5bd1e995;
const DENSE_SEED = 0x27d4eb2f;
const LEXICON_SEED = 0x3c6ef372;
const HEAD_SEED = 0x4cf5ad43;
const HEAD_LEXICON_SEED = 0x7f4a7c15;
const NGRAM_SEED = 0x68e31da4;
const LEXICON_LEVELS = [1, 2, 4, 8];
const HEAD_LEXICON_LEVELS = [1, 2, 4];
const START_WORDS = 5;
/** Longest instruction region read from the start of the text, in words. */
export const HEAD_WORDS = 32;
/** A last paragraph of at most this many words is read as an instruction too. */
export const TAIL_WORDS = 24;

/** Murmur3 finaliser: spreads FNV's weak low bits over the whole word. */
function mix32(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function normalisedCode(code: number): number {
  return code >= 48 && code <= 57 ? 48 : code;
}

function wordHashOf(word: string): number {
  let hash = WORD_SEED;
  for (let i = 0; i < word.length; i += 1) hash = step(hash, normalisedCode(word.charCodeAt(i)));
  return mix32(hash);
}

function bigramHashOf(previous: number, current: number): number {
  return mix32(step(step(BIGRAM_SEED, previous), current));
}

/** Hash of three or four consecutive word hashes: only looked up in the lexicon, never a feature. */
function ngramHashOf(a: number, b: number, c: number, d?: number): number {
  const abc = step(step(step(NGRAM_SEED, a), b), c);
  return mix32(d === undefined ? abc : step(abc, d));
}

/** Splits a lexicon cue into words the way the tokenizer does (a CJK character is a word). */
function cueWords(cue: string): string[] {
  const words: string[] = [];
  let current = '';
  for (const char of cue.normalize('NFKC').toLowerCase()) {
    const code = char.charCodeAt(0);
    if (isCjk(code)) {
      if (current) words.push(current);
      current = '';
      words.push(char);
    } else if (isWordChar(code)) {
      current += char;
    } else {
      if (current) words.push(current);
      current = '';
    }
  }
  if (current) words.push(current);
  return words;
}

/** Lexicon cue hashes (one to four words, before masking) → bit set of query-type indexes. */
const LEXICON_INDEX: ReadonlyMap<number, number> = (() => {
  const index = new Map<number, number>();
  TEXT_QUERY_TYPES.forEach((type, typeIndex) => {
    for (const cue of [...QUERY_TYPE_LEXICON[type], ...MULTILINGUAL_QUERY_TYPE_LEXICON[type]]) {
      const hashes = cueWords(cue).map(wordHashOf);
      let hash: number;
      if (hashes.length === 1) hash = hashes[0] as number;
      else if (hashes.length === 2) hash = bigramHashOf(hashes[0] as number, hashes[1] as number);
      else if (hashes.length === 3) hash = ngramHashOf(hashes[0] as number, hashes[1] as number, hashes[2] as number);
      else if (hashes.length === 4) hash = ngramHashOf(hashes[0] as number, hashes[1] as number, hashes[2] as number, hashes[3] as number);
      else throw new Error(`lexicon cue "${cue}" must be one to four words`);
      index.set(hash, (index.get(hash) ?? 0) | (1 << typeIndex));
    }
  });
  return index;
})();

function binOf(value: number, thresholds: readonly number[]): number {
  let bin = 0;
  while (bin < thresholds.length && value >= (thresholds[bin] as number)) bin += 1;
  return bin;
}

const CODE_BINS = [0.004, 0.01, 0.02, 0.04, 0.08];
const DIGIT_BINS = [0.005, 0.02, 0.05, 0.1, 0.2];
const NON_ASCII_BINS = [0.005, 0.03, 0.15, 0.4];
const LINE_BINS = [1, 3, 8, 20, 50];
const MATH_BINS = [0.005, 0.015, 0.04, 0.08];

let wordScratch = new Int32Array(1024);
let charScratch = new Int32Array(2048);
let unigramScratch = new Int32Array(512);
let quotedScratch = new Uint8Array(512);
let weightScratch = new Float64Array(513);
const scriptCounts = new Int32Array(7);
const headScratch = new Int32Array(2 * (HEAD_WORDS + TAIL_WORDS));
const lexiconCounts = new Int32Array(TEXT_QUERY_TYPES.length);
const headLexiconCounts = new Int32Array(TEXT_QUERY_TYPES.length);
const denseScratch = new Int32Array(10 + TEXT_QUERY_TYPES.length * LEXICON_LEVELS.length + 1);
const headCueScratch = new Int32Array(TEXT_QUERY_TYPES.length * HEAD_LEXICON_LEVELS.length + 1);

function countCues(counts: Int32Array, typeBits: number | undefined): void {
  if (typeBits === undefined) return;
  for (let type = 0; type < counts.length; type += 1) {
    if (typeBits & (1 << type)) counts[type] = (counts[type] as number) + 1;
  }
}

/** Writes into `out` from `at` the level features of `counts` and, if one type leads alone, one naming it. */
function addCueFeatures(
  out: Int32Array,
  counts: Int32Array,
  levels: readonly number[],
  seed: number,
  mask: number,
  at: number,
): number {
  let denseCount = at;
  let top = -1;
  let topCount = 0;
  let tied = false;
  for (let type = 0; type < counts.length; type += 1) {
    const count = counts[type] as number;
    for (let level = 0; level < levels.length; level += 1) {
      if (count < (levels[level] as number)) break;
      out[denseCount++] = mix32(step(step(seed, type), level)) & mask;
    }
    if (count > topCount) {
      top = type;
      topCount = count;
      tied = false;
    } else if (count > 0 && count === topCount) {
      tied = true;
    }
  }
  if (top >= 0 && !tied) out[denseCount++] = mix32(step(step(seed, 0xff), top)) & mask;
  return denseCount;
}

/**
 * Head features of the unquoted words `from … to-1`: their unigrams and the bigrams of
 * adjacent unquoted words, and their cues.
 */
function addHeadWords(unigrams: Int32Array, quoted: Uint8Array, from: number, to: number, mask: number, at: number): number {
  let headCount = at;
  for (let w = from; w < to; w += 1) {
    if (quoted[w] === 1) continue;
    const unigram = (unigrams[w] as number) >>> 0;
    headScratch[headCount++] = mix32(step(HEAD_SEED, unigram)) & mask;
    countCues(headLexiconCounts, LEXICON_INDEX.get(unigram));
    if (w > from && quoted[w - 1] === 0) {
      const previous = (unigrams[w - 1] as number) >>> 0;
      const bigram = bigramHashOf(previous, unigram);
      headScratch[headCount++] = mix32(step(HEAD_SEED, bigram)) & mask;
      countCues(headLexiconCounts, LEXICON_INDEX.get(bigram));
      if (w > from + 1 && quoted[w - 2] === 0) {
        const first = (unigrams[w - 2] as number) >>> 0;
        countCues(headLexiconCounts, LEXICON_INDEX.get(ngramHashOf(first, previous, unigram)));
        if (w > from + 2 && quoted[w - 3] === 0) {
          countCues(headLexiconCounts, LEXICON_INDEX.get(ngramHashOf((unigrams[w - 3] as number) >>> 0, first, previous, unigram)));
        }
      }
    }
  }
  return headCount;
}

/** The script with the most letters ({@link scriptOf} numbering), and 7 + it when kana is present too. */
function mainScript(): number {
  let best = 0;
  for (let script = 1; script < scriptCounts.length; script += 1) {
    if ((scriptCounts[script] as number) > (scriptCounts[best] as number)) best = script;
  }
  // Japanese mixes Han and kana; a few kana mark Japanese even when Han characters lead.
  return best === 2 && (scriptCounts[3] as number) > 0 ? 10 : best;
}

/**
 * Extracts hashed features from `text` into buckets `0 … dims-1` (`dims` a power of two).
 * The returned arrays are views on shared scratch space: read them before the next call.
 */
export function extractPromptFeatures(text: string, dims: number): PromptFeatures {
  const mask = dims - 1;
  // NFKC folds full-width letters, digits and punctuation (common in CJK text) to ASCII.
  const lower = text.normalize('NFKC').toLowerCase();
  const length = lower.length;
  if (wordScratch.length < 2 * length + 8) wordScratch = new Int32Array(4 * length + 8);
  if (charScratch.length < 2 * length + 8) charScratch = new Int32Array(4 * length + 8);
  if (unigramScratch.length < length + 1) {
    unigramScratch = new Int32Array(2 * length + 8);
    quotedScratch = new Uint8Array(2 * length + 8);
    weightScratch = new Float64Array(2 * length + 9);
  }
  const weightBefore = weightScratch; // words before word w, a CJK character counting half
  const words = wordScratch;
  const chars = charScratch;
  const unigrams = unigramScratch;
  const quoted = quotedScratch;
  let wordCount = 0;
  let charCount = 0;

  let c1 = -1; // most recent normalised char
  let c2 = -1;
  let c3 = -1;
  let lastWasSpace = true;
  let inWord = false;
  let wordHash = WORD_SEED;
  let previousWord = 0;
  let wordsSeen = 0;
  let digits = 0;
  let codeSymbols = 0;
  let nonAscii = 0;
  let lines = 0;
  let newlinesInGap = 0; // newlines since the last non-space character
  let paragraphPending = false; // a blank line was seen: the next word starts a paragraph
  let firstParagraphEnd = -1; // index of the first word of the second paragraph
  let lastParagraphStart = 0; // index of the first word of the last paragraph
  let inQuote = false;
  let wordIsCjk = false;
  let mathSymbols = 0;
  let lastNonSpace = 0;
  let fences = 0;
  let backticks = 0;
  let headCap = -1; // index of the first word past HEAD_WORDS
  weightBefore[0] = 0;
  scriptCounts.fill(0);
  lexiconCounts.fill(0);
  headLexiconCounts.fill(0);

  for (let i = 0; i <= length; i += 1) {
    let code = i < length ? lower.charCodeAt(i) : 32;
    const wordChar = i < length && isWordChar(code);
    const cjk = wordChar && isCjk(code);
    // A CJK character ends the word before it and is a word of its own.
    if (inWord && (!wordChar || cjk || wordIsCjk)) {
      const unigram = mix32(wordHash);
      words[wordCount++] = unigram & mask;
      unigrams[wordsSeen] = unigram | 0;
      quoted[wordsSeen] = inQuote ? 1 : 0;
      countCues(lexiconCounts, LEXICON_INDEX.get(unigram));
      if (wordsSeen > 0) {
        const bigram = bigramHashOf(previousWord, unigram);
        words[wordCount++] = bigram & mask;
        countCues(lexiconCounts, LEXICON_INDEX.get(bigram));
        if (wordsSeen > 1) {
          const first = (unigrams[wordsSeen - 2] as number) >>> 0;
          countCues(lexiconCounts, LEXICON_INDEX.get(ngramHashOf(first, previousWord, unigram)));
          if (wordsSeen > 2) {
            countCues(lexiconCounts, LEXICON_INDEX.get(ngramHashOf((unigrams[wordsSeen - 3] as number) >>> 0, first, previousWord, unigram)));
          }
        }
      }
      if (wordsSeen < START_WORDS) words[wordCount++] = mix32(step(step(START_SEED, wordsSeen), unigram)) & mask;
      previousWord = unigram;
      const weight = (weightBefore[wordsSeen] as number) + (wordIsCjk ? 0.5 : 1);
      wordsSeen += 1;
      weightBefore[wordsSeen] = weight;
      if (headCap < 0 && weight >= HEAD_WORDS) headCap = wordsSeen;
      inWord = false;
      wordIsCjk = false;
      wordHash = WORD_SEED;
    }
    if (i === length) break;

    if (isSpace(code)) {
      if (code === 10) {
        lines += 1;
        newlinesInGap += 1;
        if (newlinesInGap >= 2) {
          paragraphPending = true;
          inQuote = false;
        }
      }
      if (lastWasSpace) continue;
      code = 32;
      lastWasSpace = true;
    } else {
      newlinesInGap = 0;
      if (code === 96) {
        backticks += 1;
        if (backticks === 3) fences += 1;
      } else {
        backticks = 0;
      }
      lastNonSpace = code;
      const quote = quoteKind(code);
      if (quote !== 0) inQuote = quote === 1 ? !inQuote : quote === 2;
      if (wordChar && !inWord && paragraphPending) {
        paragraphPending = false;
        if (wordsSeen > 0) {
          if (firstParagraphEnd < 0) firstParagraphEnd = wordsSeen;
          lastParagraphStart = wordsSeen;
        }
      }
      lastWasSpace = false;
      if (code >= 48 && code <= 57) {
        digits += 1;
        code = 48;
      } else if (code >= 0x80) {
        nonAscii += 1;
        if (isMathSymbol(code)) mathSymbols += 1;
      } else {
        if (isCodeSymbol(code)) codeSymbols += 1;
        if (isMathSymbol(code)) mathSymbols += 1;
      }
      scriptCounts[scriptOf(code)] = (scriptCounts[scriptOf(code)] as number) + 1;
    }
    if (wordChar) {
      wordHash = step(wordHash, code);
      inWord = true;
      wordIsCjk = cjk;
    }

    if (c2 >= 0) {
      chars[charCount++] = mix32(step(step(step(TRIGRAM_SEED, c2), c1), code)) & mask;
      if (c3 >= 0) chars[charCount++] = mix32(step(step(step(step(FOURGRAM_SEED, c3), c2), c1), code)) & mask;
    }
    c3 = c2;
    c2 = c1;
    c1 = code;
  }

  const denom = Math.max(1, length);
  const bins = [
    Math.min(12, Math.floor(Math.log2(length + 1))),
    binOf(codeSymbols / denom, CODE_BINS),
    binOf(digits / denom, DIGIT_BINS),
    binOf(nonAscii / denom, NON_ASCII_BINS),
    binOf(lines, LINE_BINS),
    binOf(mathSymbols / denom, MATH_BINS),
    mainScript(),
    fences > 0 ? 1 : 0,
    lastNonSpace === 63 ? 1 : 0, // ends with a question mark (NFKC folds the full-width one)
  ];
  let denseCount = 0;
  for (let feature = 0; feature < bins.length; feature += 1) {
    denseScratch[denseCount++] = mix32(step(step(DENSE_SEED, feature), bins[feature] as number)) & mask;
  }
  denseCount = addCueFeatures(denseScratch, lexiconCounts, LEXICON_LEVELS, LEXICON_SEED, mask, denseCount);

  // The instruction region: the first paragraph (capped), and a short last paragraph.
  const headEnd = Math.min(firstParagraphEnd < 0 ? wordsSeen : firstParagraphEnd, headCap < 0 ? wordsSeen : headCap);
  let headCount = addHeadWords(unigrams, quoted, 0, headEnd, mask, 0);
  const tailWeight = (weightBefore[wordsSeen] as number) - (weightBefore[lastParagraphStart] as number);
  if (lastParagraphStart > 0 && tailWeight <= TAIL_WORDS) {
    headCount = addHeadWords(unigrams, quoted, Math.max(lastParagraphStart, headEnd), wordsSeen, mask, headCount);
  }
  const headCueCount = addCueFeatures(headCueScratch, headLexiconCounts, HEAD_LEXICON_LEVELS, HEAD_LEXICON_SEED, mask, 0);

  return {
    words: words.subarray(0, wordCount),
    chars: chars.subarray(0, charCount),
    head: headScratch.subarray(0, headCount),
    headCues: headCueScratch.subarray(0, headCueCount),
    dense: denseScratch.subarray(0, denseCount),
  };
}
