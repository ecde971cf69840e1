import { calcPrice, type ModelPrice } from '@pydantic/genai-prices';
import type { NormalizedModel } from './normalize-model.ts';
import { LOCAL_PROVIDERS } from './normalize-provider.ts';
import type { PriceMatch } from './price-types.ts';

/**
 * The version of `@pydantic/genai-prices` whose bundled data prices calls. Kept equal to
 * the installed version by a test; it is recorded with every price as `genai-prices@…`.
 */
export const GENAI_PRICES_VERSION = '0.1.8';

/** The `priceVersion` of a call priced from the public price data. */
export const PUBLIC_PRICE_VERSION = `genai-prices@${GENAI_PRICES_VERSION}`;

// Canonical provider (normalizeProvider) → genai-prices provider id.
const GENAI_PRICES_PROVIDER_IDS: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  'aws.bedrock': 'aws',
  'azure.ai.openai': 'azure',
  'azure.ai.inference': 'azure',
  'gcp.gemini': 'google',
  'gcp.vertex_ai': 'google',
  'gcp.gen_ai': 'google',
  cohere: 'cohere',
  deepseek: 'deepseek',
  groq: 'groq',
  mistral_ai: 'mistral',
  perplexity: 'perplexity',
  x_ai: 'x-ai',
  together_ai: 'together',
  fireworks_ai: 'fireworks',
  openrouter: 'openrouter',
  cerebras: 'cerebras',
  moonshot_ai: 'moonshotai',
  z_ai: 'zhipuai',
  minimax: 'minimax',
};

// Clouds that resell other makers' models, usually at the maker's list price.
const RESELLERS = new Set(['aws.bedrock', 'azure.ai.openai', 'azure.ai.inference', 'gcp.vertex_ai', 'gcp.gen_ai']);

/** A price found in the public data. */
export interface PublicPrice {
  readonly kind: 'found';
  /** genai-prices provider id, e.g. `aws`. */
  readonly providerId: string;
  /** genai-prices model id, e.g. `gpt-4o`. */
  readonly modelId: string;
  /** The prices in force at the call's time (before the long-context tier is chosen). */
  readonly modelPrice: ModelPrice;
  readonly match: Exclude<PriceMatch, 'override'>;
}

/** No public price. */
export interface NoPublicPrice {
  readonly kind: 'none' | 'local' | 'error';
  readonly detail: string;
}

interface Attempt {
  readonly providerId: string | undefined;
  readonly model: string;
  readonly match: PublicPrice['match'];
}

const HOUR_MS = 3_600_000;
const MEMO_LIMIT = 20_000;
const memo = new Map<string, PublicPrice | NoPublicPrice>();

/**
 * {@link lookUpPublicPrice}, remembered per provider, model and hour: the ingest prices every call,
 * and the lookup (several attempts against the price data) costs tens of microseconds while the
 * same few models repeat. Price changes take effect on the hour they fall in or the next.
 */
export function findPublicPrice(provider: string | null, model: NormalizedModel, at: Date): PublicPrice | NoPublicPrice {
  const key = `${provider ?? ''}\u0000${model.raw}\u0000${Math.floor(at.getTime() / HOUR_MS)}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const found = lookUpPublicPrice(provider, model, at);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, found);
  return found;
}

/**
 * Looks a call's model up in the bundled genai-prices data (never fetched remotely),
 * trying, in order: the host's price for the id as given, then its normalized forms; then,
 * when the host is a reseller cloud, unknown, absent, or the id names another maker
 * (`anthropic/claude-…` sent through an OpenAI-compatible gateway), the maker's price.
 * A known first-party provider without the model stays unpriced rather than borrowing a
 * price from elsewhere; local providers are never priced.
 */
function lookUpPublicPrice(provider: string | null, model: NormalizedModel, at: Date): PublicPrice | NoPublicPrice {
  const effective = provider ?? model.host;
  if (effective !== null && LOCAL_PROVIDERS.has(effective)) {
    return { kind: 'local', detail: `${effective} runs models locally; add a price override to price them` };
  }
  const hostId = effective === null ? undefined : GENAI_PRICES_PROVIDER_IDS[effective];
  const attempts: Attempt[] = [];
  if (effective === null) {
    attempts.push({ providerId: undefined, model: model.stripped, match: 'exact' });
    attempts.push({ providerId: undefined, model: model.model, match: 'normalized' });
    attempts.push({ providerId: undefined, model: model.dateless, match: 'normalized' });
  } else if (hostId !== undefined) {
    attempts.push({ providerId: hostId, model: model.stripped, match: 'exact' });
    attempts.push({ providerId: hostId, model: model.model, match: 'normalized' });
    attempts.push({ providerId: hostId, model: model.dateless, match: 'normalized' });
  }
  const mayFallBack =
    effective !== null &&
    (hostId === undefined || RESELLERS.has(effective) || (model.vendor !== null && model.vendor !== effective));
  if (mayFallBack) {
    const vendorId = model.vendor === null ? undefined : GENAI_PRICES_PROVIDER_IDS[model.vendor];
    attempts.push({ providerId: vendorId, model: model.model, match: 'vendor_fallback' });
    attempts.push({ providerId: vendorId, model: model.dateless, match: 'vendor_fallback' });
  }

  const errors: string[] = [];
  const tried = new Set<string>();
  for (const attempt of attempts) {
    const key = `${attempt.providerId ?? ''}\u0000${attempt.model}`;
    if (tried.has(key)) continue;
    tried.add(key);
    try {
      // Only the match and the dated prices are used; the float total is ignored.
      const result = calcPrice({ input_tokens: 0, output_tokens: 0 }, attempt.model, {
        providerId: attempt.providerId,
        timestamp: at,
      });
      if (result) {
        return {
          kind: 'found',
          providerId: result.provider.id,
          modelId: result.model.id,
          modelPrice: result.model_price,
          match: attempt.match,
        };
      }
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (errors.length > 0) return { kind: 'error', detail: errors.join('; ') };
  const where = effective === null ? 'any provider' : effective;
  return { kind: 'none', detail: `no public price for ${JSON.stringify(model.raw)} at ${where}` };
}
