/** What the classifier reads from a request: the system prompt and the last user message. */
export type PromptInput = string | { readonly system?: string | undefined; readonly lastUser?: string | undefined };

/** Longest text the classifier reads; longer prompts keep their head and tail. */
export const MAX_CLASSIFIER_CHARS = 4000;
const TAIL_CHARS = 1000;

/**
 * Builds the text the classifier scores: system prompt, blank line, last user message,
 * clamped to {@link MAX_CLASSIFIER_CHARS} (first 3,000 and last 1,000 characters, since
 * instructions tend to sit at either end of a long document) so cost stays bounded.
 */
export function toClassifierText(prompt: PromptInput | undefined): string {
  let text: string;
  if (prompt === undefined) text = '';
  else if (typeof prompt === 'string') text = prompt;
  else {
    const system = prompt.system?.trim() ?? '';
    const lastUser = prompt.lastUser?.trim() ?? '';
    text = system && lastUser ? `${system}\n\n${lastUser}` : system || lastUser;
  }
  if (text.length <= MAX_CLASSIFIER_CHARS) return text;
  const head = MAX_CLASSIFIER_CHARS - TAIL_CHARS;
  return `${text.slice(0, head)}\n${text.slice(text.length - TAIL_CHARS + 1)}`;
}
