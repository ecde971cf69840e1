import { describe, expect, it } from 'vitest';
import { extractPromptFeatures, HEAD_WORDS } from './features.ts';

const copy = (text: string, dims = 1024) => {
  const f = extractPromptFeatures(text, dims);
  return { words: [...f.words], chars: [...f.chars], dense: [...f.dense] };
};

describe('extractPromptFeatures', () => {
  it('is deterministic and case-insensitive', () => {
    expect(copy('Translate this sentence into French.')).toEqual(copy('translate THIS sentence into french.'));
  });

  it('keeps every bucket below dims', () => {
    const f = copy('def add(a, b):\n    return a + b  # 漢字 ünïcödé', 256);
    for (const bucket of [...f.words, ...f.chars, ...f.dense]) {
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(256);
    }
  });

  it('folds digits, so numbers of the same length look alike', () => {
    expect(copy('I paid 12 dollars')).toEqual(copy('I paid 47 dollars'));
  });

  it('collapses runs of whitespace', () => {
    expect(copy('write  a\n\tpoem').chars).toEqual(copy('write a poem').chars);
  });

  it('adds lexicon features when cue words occur', () => {
    const plain = copy('the weather is nice today').dense.length;
    const cued = copy('summarize this summary briefly').dense.length;
    expect(cued).toBeGreaterThan(plain);
  });

  it('handles empty text', () => {
    const f = copy('');
    expect(f.words).toEqual([]);
    expect(f.chars).toEqual([]);
    expect(f.dense.length).toBeGreaterThan(0);
  });
});

describe('instruction region (head features)', () => {
  const head = (text: string) => [...extractPromptFeatures(text, 1024).head];
  const headCues = (text: string) => [...extractPromptFeatures(text, 1024).headCues];
  // Payloads longer than TAIL_WORDS, so that they are not read as a trailing instruction.
  const payloadA =
    'The council approved the new budget after a long debate about parks and roads. Residents asked for more ' +
    'bus routes, wider pavements and a new library, and the mayor promised a public meeting next month about all of it.';
  const payloadB =
    'Der Zug nach Berlin fährt um acht Uhr ab, und die Fahrt dauert vier Stunden. Im Speisewagen gibt es Kaffee, ' +
    'belegte Brötchen und Kuchen, und am Abend fährt ein weiterer Zug zurück nach Hamburg, wenn das Wetter gut bleibt.';

  it('reads the first paragraph, not the payload after the blank line', () => {
    expect(head(`Summarise this text:\n\n${payloadA}`)).toEqual(head(`Summarise this text:\n\n${payloadB}`));
    expect(copy(`Summarise this text:\n\n${payloadA}`).words).not.toEqual(copy(`Summarise this text:\n\n${payloadB}`).words);
  });

  it('reads a short last paragraph as an instruction too, a long one as payload', () => {
    expect(head(`${payloadA}\n\nSummarise the above.`).length).toBeGreaterThan(head(payloadA).length);
    const longTail = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}`).join(' ');
    expect(head(`Summarise this text:\n\n${longTail}`)).toEqual(head('Summarise this text:'));
  });

  it('needs a blank line: a single line break does not start a paragraph', () => {
    expect(head(`Summarise this text:\n${payloadA}`)).not.toEqual(head(`Summarise this text:\n${payloadB}`));
  });

  it('caps the first paragraph at HEAD_WORDS words', () => {
    const words = Array.from({ length: HEAD_WORDS + 20 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i}`);
    expect(head(words.join(' '))).toEqual(head(words.slice(0, HEAD_WORDS).join(' ')));
  });

  it('skips quoted words: they are payload', () => {
    expect(head('Translate "good morning, how are you?" into French.')).toEqual(head('Translate "where is the station?" into French.'));
    expect(head('Translate “good morning” into French.')).toEqual(head('Translate "where is the station?" into French.'));
    expect(head('Translate good morning into French.')).not.toEqual(head('Translate "good morning" into French.'));
  });

  it('counts the cues of the instruction region apart from the whole text', () => {
    const text = `Summarize briefly:\n\n${'translate english french spanish german '.repeat(6)}`;
    expect(headCues(text)).toEqual(headCues('Summarize briefly:'));
    expect(copy(text).dense).not.toEqual(copy('Summarize briefly:').dense);
  });
});
