import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { priceCall, type PriceOverride } from '@tierlens/analyzer';

/** A decrypted provider credential; lives in memory only for the calls it makes. */
export interface ProviderAccess {
  readonly kind: 'openai' | 'anthropic';
  /** OpenAI-compatible base URL (with `/v1`), or Anthropic's; null for the provider's default. */
  readonly baseUrl: string | null;
  readonly apiKey: string;
}

/** A prompt to replay: an optional system prompt and the conversation. */
export interface ReplayPrompt {
  readonly system?: string | null;
  readonly messages: readonly { role: 'user' | 'assistant'; content: string }[];
}

/** A model's answer with its usage in OpenTelemetry GenAI terms and its cost priced by the analyzer. */
export interface ModelAnswer {
  readonly text: string;
  readonly usage: { input: number; output: number; cacheRead: number; cacheWrite: number; reasoning: number };
  /** USD decimal string; throws earlier if the model has no price, since a cap cannot be kept without one. */
  readonly costUsd: string;
}

/** Options for {@link callModel}. */
export interface CallModelOptions {
  readonly maxTokens?: number;
  readonly overrides?: readonly PriceOverride[];
  readonly projectId?: string;
  readonly now?: Date;
  readonly signal?: AbortSignal;
}

/**
 * Sends one prompt to a model through the real `openai` or `@anthropic-ai/sdk` client and prices
 * the usage it reports with the analyzer (the project's price overrides first). Client retries are
 * off: the runner retries a failed item itself, so spend is counted once per answer received.
 */
export async function callModel(access: ProviderAccess, model: string, prompt: ReplayPrompt, options: CallModelOptions = {}): Promise<ModelAnswer> {
  const maxTokens = options.maxTokens ?? 1024;
  let text: string;
  let usage: ModelAnswer['usage'];
  if (access.kind === 'openai') {
    const client = new OpenAI({ apiKey: access.apiKey, baseURL: access.baseUrl ?? undefined, maxRetries: 0, timeout: 120_000 });
    const messages = [
      ...(prompt.system ? [{ role: 'system' as const, content: prompt.system }] : []),
      ...prompt.messages.map((m) => ({ role: m.role, content: m.content })),
    ];
    const res = await client.chat.completions.create({ model, messages, max_completion_tokens: maxTokens }, { signal: options.signal });
    text = res.choices[0]?.message.content ?? '';
    const u = res.usage;
    usage = {
      input: u?.prompt_tokens ?? 0,
      output: u?.completion_tokens ?? 0,
      cacheRead: u?.prompt_tokens_details?.cached_tokens ?? 0,
      cacheWrite: 0,
      reasoning: u?.completion_tokens_details?.reasoning_tokens ?? 0,
    };
  } else {
    const client = new Anthropic({ apiKey: access.apiKey, baseURL: access.baseUrl ?? undefined, maxRetries: 0, timeout: 120_000 });
    const res = await client.messages.create(
      {
        model,
        max_tokens: maxTokens,
        ...(prompt.system ? { system: prompt.system } : {}),
        messages: prompt.messages.map((m) => ({ role: m.role, content: m.content })),
      },
      { signal: options.signal },
    );
    text = res.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    const u = res.usage;
    const cacheRead = u.cache_read_input_tokens ?? 0;
    const cacheWrite = u.cache_creation_input_tokens ?? 0;
    usage = { input: u.input_tokens + cacheRead + cacheWrite, output: u.output_tokens, cacheRead, cacheWrite, reasoning: 0 };
  }
  const priced = priceCall(
    {
      // An OpenAI-compatible endpoint may serve any maker's models: price by the model's name alone.
      provider: access.kind === 'anthropic' ? 'anthropic' : null,
      model,
      inputTokens: usage.input,
      outputTokens: usage.output,
      cacheReadTokens: usage.cacheRead,
      cacheWriteTokens: usage.cacheWrite,
      reasoningTokens: usage.reasoning,
      at: options.now ?? new Date(),
    },
    { overrides: options.overrides ?? [], projectId: options.projectId ?? null },
  );
  if (priced.status !== 'priced') throw new UnpricedModelError(model, priced.detail);
  return { text, usage, costUsd: priced.costUsd };
}

/** A model without a public price or override: its replay cost cannot be counted against the cap. */
export class UnpricedModelError extends Error {
  constructor(readonly model: string, detail: string) {
    super(`${model} has no price (${detail}); add a price override to evaluate it.`);
  }
}
