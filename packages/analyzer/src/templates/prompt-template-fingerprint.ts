import type { PromptInput } from '../query-types/prompt-text.ts';

/** Normalised instruction text shorter than this is too generic ("Hi", "Translate:") to name a template. */
export const MIN_TEMPLATE_CHARS = 24;
/** The instruction region of a prompt without a system part is at most this long (payloads follow it). */
const MAX_INSTRUCTION_CHARS = 400;

/**
 * A prompt template's fingerprint: 16 hex characters that are the same for the calls of one
 * template (same system prompt, or the same instruction region with other payloads), or null
 * when the prompt has no instructions long enough to tell a template by.
 *
 * - With a system prompt (`{ system }` as the SDK and most instrumentations capture it), the
 *   fingerprint hashes the normalised system prompt alone: the user message is the payload.
 * - As one string (the ingest's prompt text: system, blank line, last user message; or a bare
 *   user prompt), it hashes the first paragraph, cut at the first line ending in `:` (where
 *   "Summarise this:" and the like hand over to the payload) and at most 400 characters.
 *
 * Normalisation lowercases, folds Unicode (NFKC), replaces runs of digits with `0`, quoted
 * strings with `""`, URLs and e-mail addresses with a placeholder and collapses white space, so
 * ids, dates and names interpolated into a template do not split it. The hash is FNV-1a 64-bit:
 * cheap, stable across processes and machines, and not a secret (it is not a security hash).
 */
export function promptTemplateFingerprint(prompt: PromptInput | null | undefined): string | null {
  if (prompt === null || prompt === undefined) return null;
  let region: string;
  if (typeof prompt === 'string') region = instructionRegion(prompt);
  else {
    const system = prompt.system?.trim() ?? '';
    region = system !== '' ? system : instructionRegion(prompt.lastUser ?? '');
  }
  const normalized = normalizeInstructions(region);
  if (normalized.length < MIN_TEMPLATE_CHARS) return null;
  return fnv1a64(normalized);
}

/** The part of a prompt that states the task: its first paragraph, up to a line that ends in `:`. */
export function instructionRegion(text: string): string {
  const trimmed = text.trim();
  const blank = trimmed.search(/\n[ \t]*\n/);
  let region = blank === -1 ? trimmed : trimmed.slice(0, blank);
  const colon = region.search(/:[ \t]*(\n|$)/);
  if (colon !== -1) region = region.slice(0, colon + 1);
  else if (blank === -1) {
    // One paragraph with no hand-over line: an inline "Task: payload" keeps only the task.
    const inline = region.indexOf(': ');
    if (inline !== -1 && inline < MAX_INSTRUCTION_CHARS) region = region.slice(0, inline + 1);
  }
  return region.slice(0, MAX_INSTRUCTION_CHARS);
}

/** Lowercased, NFKC-folded text with digits, quoted strings, URLs and e-mail addresses masked and spaces collapsed. */
export function normalizeInstructions(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, '<url>')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<email>')
    .replace(/"[^"\n]{0,200}"|“[^”\n]{0,200}”|「[^」\n]{0,200}」/g, '""')
    .replace(/\p{Nd}+/gu, '0')
    .replace(/\s+/g, ' ')
    .trim();
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/** FNV-1a, 64-bit, over the UTF-8 bytes of `text`, as 16 lowercase hex characters. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, '0');
}
