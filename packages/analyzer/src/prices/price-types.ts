import { z } from 'zod';
import type { UsdE10 } from './money.ts';

/** A non-negative decimal string such as `"2.5"` or `"0.0375"` (`"1e-7"` is accepted too). */
export const ZDecimalString = z
  .string()
  .trim()
  .regex(/^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/, 'a non-negative decimal number, e.g. "2.5"');

/**
 * A price set by an organization (`projectId` null) or one project, in US dollars per
 * million tokens, in force from `effectiveFrom`. `provider` null applies to every provider.
 * Missing cache prices mean cached tokens are billed at the input price.
 */
export const ZPriceOverride = z.object({
  id: z.string().min(1),
  provider: z.string().nullish(),
  model: z.string().trim().min(1),
  inputPerMTok: ZDecimalString,
  outputPerMTok: ZDecimalString,
  cacheReadPerMTok: ZDecimalString.nullish(),
  cacheWritePerMTok: ZDecimalString.nullish(),
  effectiveFrom: z.coerce.date(),
  projectId: z.string().nullish(),
});

/** A price override as stored: see {@link ZPriceOverride}. */
export type PriceOverride = z.infer<typeof ZPriceOverride>;

/** A token count: a non-negative safe integer, or a bigint as read from a `BIGINT` column. */
export type TokenCount = number | bigint;

/**
 * One call to price, in OpenTelemetry GenAI terms: `inputTokens` includes the cache-read
 * and cache-write tokens, and `outputTokens` includes the reasoning tokens.
 */
export interface PriceCallInput {
  /** Raw or canonical provider; normalized with `normalizeProvider`. */
  readonly provider: string | null;
  /** The model the call is priced under (response model, else request model). */
  readonly model: string;
  readonly inputTokens: TokenCount;
  readonly outputTokens: TokenCount;
  readonly cacheReadTokens: TokenCount;
  readonly cacheWriteTokens: TokenCount;
  readonly reasoningTokens: TokenCount;
  /** When the call was made: chooses dated prices and overrides. */
  readonly at: Date;
}

/** Options for `priceCall`. */
export interface PriceCallOptions {
  /** Organization and project price overrides; applied before the public price data. */
  readonly overrides?: readonly PriceOverride[];
  /**
   * The call's project: its project overrides beat organization overrides, and other
   * projects' overrides are ignored. When omitted, every override passed is taken to apply
   * (the caller already chose the project's and its organization's), project ones first.
   */
  readonly projectId?: string | null;
}

/** The cost of one call split by what was billed, each in USD E10 units. */
export interface CostBreakdown {
  /** Uncached input tokens at the input price. */
  readonly input: UsdE10;
  /** Cache-read tokens at the cache-read price (the input price when there is none). */
  readonly cacheRead: UsdE10;
  /** Cache-write tokens at the cache-write price (the input price when there is none). */
  readonly cacheWrite: UsdE10;
  /** Output tokens, reasoning included unless the model prices reasoning separately. */
  readonly output: UsdE10;
  /** Reasoning tokens when the model has a separate reasoning price, else 0. */
  readonly reasoning: UsdE10;
  /** A per-request fee when the model has one, else 0. */
  readonly request: UsdE10;
}

/** The per-million-token rates applied to a call, as decimal strings. */
export interface AppliedRates {
  readonly inputPerMTok: string | null;
  readonly outputPerMTok: string | null;
  readonly cacheReadPerMTok: string | null;
  readonly cacheWritePerMTok: string | null;
  readonly reasoningPerMTok: string | null;
  readonly perThousandRequests: string | null;
  /** The long-context tier applied: it starts above this many input tokens; null for base prices. */
  readonly tierAboveInputTokens: number | null;
}

/** How the price was found. */
export type PriceMatch =
  /** An organization or project override. */
  | 'override'
  /** The public price data matched the provider and id as given (resource paths removed). */
  | 'exact'
  /** The public price data matched after normalization (prefixes, dates, Bedrock/Vertex forms). */
  | 'normalized'
  /** The host had no price for the id, so the model maker's list price was used. */
  | 'vendor_fallback';

/** A call with a price. */
export interface PricedCall {
  readonly status: 'priced';
  /** Total cost in USD E10 units (10^-10 USD); the sum of {@link breakdown}. */
  readonly costUsdE10: UsdE10;
  /** The same total as a plain decimal string in US dollars, for a `DECIMAL(20,10)` column. */
  readonly costUsd: string;
  /** `genai-prices@<version>` or `override:<id>`. */
  readonly priceVersion: string;
  readonly match: PriceMatch;
  /** Canonical provider whose price was used (the price data's own id for public prices). */
  readonly matchedProvider: string | null;
  /** The price entry's model id (or the override's model). */
  readonly matchedModel: string;
  readonly breakdown: CostBreakdown;
  readonly rates: AppliedRates;
}

/** Why a call has no price. */
export type UnpricedReason =
  /** Neither an override nor the public price data knows the model. */
  | 'unknown_model'
  /** The provider runs models locally (Ollama, vLLM, …); add an override to price them. */
  | 'local_model'
  /** The price entry lacks a rate for tokens the call used (e.g. no output price). */
  | 'incomplete_price'
  /** Token counts break the conventions (negative, or cache tokens above input tokens). */
  | 'invalid_usage'
  /** The public price data failed on this model. */
  | 'price_data_error';

/** A call that could not be priced: never a silent $0. */
export interface UnpricedCall {
  readonly status: 'unpriced';
  readonly reason: UnpricedReason;
  readonly detail: string;
}

/** The result of `priceCall`. */
export type PriceResult = PricedCall | UnpricedCall;
