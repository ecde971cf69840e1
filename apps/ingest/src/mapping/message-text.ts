import type { AttrValue } from '../otlp/decoded-span.ts';
import { COMPLETION_TEXT_MAX_CHARS, CONTENT_PARSE_MAX_CHARS, PROMPT_TEXT_MAX_CHARS, truncateText } from './limits.ts';

/**
 * Pulls plain text out of chat messages in the shapes the instrumentations record them:
 * OTel GenAI (`{role, parts:[{type:"text", content}]}`), OpenAI (`{role, content: string |
 * [{type:"text", text}]}`), Anthropic request bodies (`{system, messages}`), Gemini
 * (`{contents:[{role, parts:[{text}]}]}`), OpenAI Responses (`{instructions, input}`), Vercel AI
 * SDK (`{system, prompt, messages}`) and plain strings.
 */

/** What the prompt holds so far: system text in order, and the last user message seen. */
export interface PromptParts {
  system: string[];
  lastUser: string | null;
}

/** An empty {@link PromptParts}. */
export function newPromptParts(): PromptParts {
  return { system: [], lastUser: null };
}

const SYSTEM_ROLES = new Set(['system', 'developer']);
const USER_ROLES = new Set(['user', 'human']);
const ASSISTANT_ROLES = new Set(['assistant', 'ai', 'model', 'bot']);
const TEXT_PART_TYPES = new Set(['text', 'input_text', 'output_text']);

/**
 * A content attribute as data: JSON-looking strings (`[`, `{` or a JSON-quoted string) are parsed
 * when no longer than {@link CONTENT_PARSE_MAX_CHARS} (longer ones give undefined); other strings
 * are returned as they are; structured values are returned unchanged.
 */
export function parseContent(value: AttrValue | undefined): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  const first = firstNonSpace(value);
  if (first !== '[' && first !== '{' && first !== '"') return value;
  if (value.length > CONTENT_PARSE_MAX_CHARS) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Text content that may be a JSON list of parts (OpenLLMetry records multimodal content that
 * way): parsed only when it is such a list, so that a model answer that happens to be JSON text
 * stays text.
 */
export function parsePartsOrText(value: AttrValue | undefined): unknown {
  if (typeof value !== 'string' || firstNonSpace(value) !== '[') return value ?? undefined;
  const parsed = parseContent(value);
  return Array.isArray(parsed) ? parsed : value;
}

/**
 * A `input.value`/`output.value`-style attribute with its `*.mime_type`: parsed as JSON only when
 * the mime type says JSON (or is absent), else kept as text.
 */
export function parseByMimeType(value: AttrValue | undefined, mimeType: AttrValue | undefined): unknown {
  if (typeof mimeType === 'string' && mimeType !== '' && !mimeType.includes('json')) return value ?? undefined;
  return parseContent(value);
}

function firstNonSpace(text: string): string {
  for (let i = 0; i < text.length && i < 64; i++) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return '';
}

/** The text of a message's content: a string, a list of parts, or a part. Non-text parts are left out. */
export function textOfContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    let out = '';
    for (const part of content) {
      const text = textOfPart(part);
      if (text !== '') out = out === '' ? text : `${out}\n${text}`;
    }
    return out;
  }
  return textOfPart(content);
}

function textOfPart(part: unknown): string {
  if (typeof part === 'string') return part;
  if (typeof part !== 'object' || part === null) return '';
  const p = part as Record<string, unknown>;
  const type = typeof p['type'] === 'string' ? (p['type'] as string) : undefined;
  if (type !== undefined && !TEXT_PART_TYPES.has(type)) return '';
  if (typeof p['text'] === 'string') return p['text'];
  if (typeof p['content'] === 'string') return p['content'];
  if (p['content'] !== undefined) return textOfContent(p['content']);
  if (p['parts'] !== undefined) return textOfContent(p['parts']);
  return '';
}

/** Adds system instructions in any of their shapes (string, parts, messages). */
export function addSystem(parts: PromptParts, payload: unknown): void {
  if (payload === undefined || payload === null) return;
  if (Array.isArray(payload) && payload.some((p) => typeof p === 'object' && p !== null && 'role' in p)) {
    addMessages(parts, payload);
    return;
  }
  const text = textOfContent(payload);
  if (text !== '') parts.system.push(text);
}

/** Adds what a messages payload holds: a list of messages, a request body, or a plain string (user text). */
export function addMessages(parts: PromptParts, payload: unknown): void {
  if (payload === undefined || payload === null) return;
  if (typeof payload === 'string') {
    if (payload.trim() !== '') parts.lastUser = payload;
    return;
  }
  if (Array.isArray(payload)) {
    for (const message of payload) addMessage(parts, message);
    return;
  }
  if (typeof payload !== 'object') return;
  const body = payload as Record<string, unknown>;
  if ('role' in body) {
    addMessage(parts, body);
    return;
  }
  addSystem(parts, body['system'] ?? body['instructions'] ?? body['systemInstruction'] ?? body['system_instruction']);
  const messages = body['messages'] ?? body['contents'] ?? body['input'] ?? body['prompt'];
  if (messages !== undefined) addMessages(parts, messages);
}

function addMessage(parts: PromptParts, message: unknown): void {
  if (typeof message === 'string') {
    if (message.trim() !== '') parts.lastUser = message;
    return;
  }
  if (typeof message !== 'object' || message === null) return;
  const m = message as Record<string, unknown>;
  const role = typeof m['role'] === 'string' ? m['role'].toLowerCase() : '';
  const content = m['content'] ?? m['parts'] ?? m['text'];
  if (SYSTEM_ROLES.has(role)) {
    const text = textOfContent(content);
    if (text !== '') parts.system.push(text);
  } else if (USER_ROLES.has(role) || role === '') {
    // A user turn that carries only tool results has no text: the question is further back.
    const text = textOfContent(content);
    if (text.trim() !== '') parts.lastUser = text;
  }
}

/**
 * `promptText`: system text then the last user message, at most {@link PROMPT_TEXT_MAX_CHARS}.
 * When both do not fit, the user message keeps at least half of the budget.
 */
export function composePromptText(parts: PromptParts, max = PROMPT_TEXT_MAX_CHARS): string | null {
  const system = parts.system.join('\n');
  const user = parts.lastUser ?? '';
  if (system === '' && user === '') return null;
  if (system === '') return user.slice(0, max);
  if (user === '') return system.slice(0, max);
  const separator = '\n\n';
  if (system.length + separator.length + user.length <= max) return system + separator + user;
  const userBudget = Math.max(max - separator.length - system.length, Math.floor(max / 2));
  const userPart = user.slice(0, userBudget);
  const systemPart = system.slice(0, Math.max(0, max - separator.length - userPart.length));
  return systemPart + separator + userPart;
}

/**
 * The text of a completion payload: a string, output messages (the last assistant one), or a
 * provider response body (OpenAI chat/Responses, Anthropic, Gemini). Cut to
 * {@link COMPLETION_TEXT_MAX_CHARS}; null when there is no text.
 */
export function completionText(payload: unknown): string | null {
  const text = completionTextOf(payload, 0);
  return text === '' ? null : truncateText(text, COMPLETION_TEXT_MAX_CHARS);
}

function completionTextOf(payload: unknown, depth: number): string {
  if (depth > 4 || payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  if (Array.isArray(payload)) {
    for (let i = payload.length - 1; i >= 0; i--) {
      const item = payload[i];
      if (typeof item === 'object' && item !== null && 'role' in item) {
        const role = String((item as Record<string, unknown>)['role']).toLowerCase();
        if (!ASSISTANT_ROLES.has(role)) continue;
      }
      const text = completionTextOf(item, depth + 1);
      if (text !== '') return text;
    }
    return '';
  }
  if (typeof payload !== 'object') return '';
  const body = payload as Record<string, unknown>;
  const choices = body['choices'];
  if (Array.isArray(choices) && choices.length > 0) {
    const choice = choices[0] as Record<string, unknown>;
    return completionTextOf(choice['message'] ?? choice['text'], depth + 1);
  }
  const candidates = body['candidates'];
  if (Array.isArray(candidates) && candidates.length > 0) {
    return completionTextOf((candidates[0] as Record<string, unknown>)['content'], depth + 1);
  }
  if (Array.isArray(body['output'])) return completionTextOf(body['output'], depth + 1);
  if (typeof body['output_text'] === 'string') return body['output_text'];
  return textOfContent(body['content'] ?? body['parts'] ?? body['text'] ?? body['message']);
}
