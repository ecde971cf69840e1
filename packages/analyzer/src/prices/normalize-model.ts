import { normalizeProvider } from './normalize-provider.ts';

/** A model id taken apart into the forms prices and the catalog are looked up by. */
export interface NormalizedModel {
  /** The id as given, trimmed. */
  readonly raw: string;
  /**
   * The id without resource paths (Bedrock ARNs, Vertex `projects/…/publishers/…/models/`,
   * Gemini `models/`), case kept: hosts such as Bedrock price their own full ids.
   */
  readonly stripped: string;
  /**
   * The model's own name, lower-cased: no vendor prefix (`openai/`), Bedrock region and
   * vendor (`us.anthropic.`) or version suffix (`-v1:0`), and Vertex `name@date` written
   * as `name-date` (`claude-3-5-sonnet-v2@20241022` → `claude-3-5-sonnet-20241022`).
   */
  readonly model: string;
  /** {@link model} without a trailing release date or `-latest`: `gpt-4o-2024-08-06` → `gpt-4o`. */
  readonly dateless: string;
  /** The maker named inside the id (prefix, Bedrock vendor, Vertex publisher), canonical; else null. */
  readonly vendor: string | null;
  /** The host the id's shape implies (`aws.bedrock`, `gcp.vertex_ai`), else null. */
  readonly host: string | null;
}

const BEDROCK_VENDORS = new Set([
  'anthropic', 'amazon', 'meta', 'mistral', 'cohere', 'ai21', 'deepseek', 'openai', 'qwen', 'writer',
  'moonshot', 'moonshotai', 'minimax', 'google', 'nvidia', 'twelvelabs', 'stability', 'luma',
]);
const BEDROCK_ID = /^(?:(?:us|eu|apac|global|us-gov|jp|au|ca|regional)\.)?([a-z0-9-]+)\.([a-z0-9][\w.:-]*)$/i;
const BEDROCK_VERSION_SUFFIX = /(?:-v?\d+)?:\d+(?::\d+k)?$|-v\d+$/;
const VERTEX_PUBLISHER = /(?:^|\/)publishers\/([^/]+)\/models\/([^/]+)$/;
const VERTEX_AT_DATE = /^(.*?)(?:-v\d+)?@(\d{3,8})$/;
const TRAILING_DATE = /-(?:\d{8}|\d{4}-\d{2}-\d{2}|latest)$/;

// Slash prefixes that name a model's maker (OpenRouter, LiteLLM, Groq, Together style ids).
const VENDOR_PREFIXES: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'gcp.gen_ai',
  gemini: 'gcp.gemini',
  vertex_ai: 'gcp.vertex_ai',
  bedrock: 'aws.bedrock',
  azure: 'azure.ai.openai',
  'meta-llama': 'meta',
  meta: 'meta',
  mistralai: 'mistral_ai',
  mistral: 'mistral_ai',
  'x-ai': 'x_ai',
  xai: 'x_ai',
  deepseek: 'deepseek',
  'deepseek-ai': 'deepseek',
  qwen: 'alibaba',
  moonshotai: 'moonshot_ai',
  cohere: 'cohere',
  'z-ai': 'z_ai',
  zai: 'z_ai',
  'zai-org': 'z_ai',
  minimax: 'minimax',
  minimaxai: 'minimax',
  groq: 'groq',
  perplexity: 'perplexity',
};

const normalized = new Map<string, NormalizedModel>();

/** {@link normalizeNewModel}, remembered: the same few model ids repeat on every call. */
export function normalizeModel(raw: string, provider?: string | null): NormalizedModel {
  const key = `${provider ?? ''}\u0000${raw}`;
  let hit = normalized.get(key);
  if (!hit) {
    if (normalized.size >= 20_000) normalized.clear();
    hit = normalizeNewModel(raw, provider);
    normalized.set(key, hit);
  }
  return hit;
}

/**
 * Takes a model id apart so that the many spellings of one model find the same price and
 * catalog entry: `openai/gpt-4o`, `gpt-4o-2024-08-06`, Bedrock ids and ARNs
 * (`us.anthropic.claude-3-5-sonnet-20240620-v1:0`), Vertex ids
 * (`claude-3-5-sonnet-v2@20241022`, `publishers/google/models/gemini-1.5-pro`).
 *
 * `provider` (raw or canonical) only decides whether a dotted id is read as a Bedrock id.
 */
function normalizeNewModel(raw: string, provider?: string | null): NormalizedModel {
  const trimmed = raw.trim();
  const canonicalProvider = normalizeProvider(provider);
  let vendor: string | null = null;
  let host: string | null = null;

  // Resource paths: keep the last segment, remember what the path said.
  let stripped = trimmed;
  if (/^arn:aws[\w-]*:bedrock:/i.test(stripped)) {
    host = 'aws.bedrock';
    stripped = stripped.slice(stripped.lastIndexOf('/') + 1);
  }
  const publisher = VERTEX_PUBLISHER.exec(stripped);
  if (publisher?.[1] && publisher[2]) {
    host = 'gcp.vertex_ai';
    vendor = publisher[1] === 'google' ? 'gcp.vertex_ai' : normalizeProvider(publisher[1]);
    stripped = publisher[2];
  }
  if (/^models\//i.test(stripped)) stripped = stripped.slice('models/'.length);

  let model = stripped.toLowerCase();

  const slash = model.lastIndexOf('/');
  if (slash >= 0) {
    const prefix = model.slice(0, model.indexOf('/'));
    vendor ??= VENDOR_PREFIXES[prefix] ?? null;
    model = model.slice(slash + 1);
  }

  const bedrock = BEDROCK_ID.exec(model);
  const looksBedrock =
    bedrock?.[1] !== undefined &&
    BEDROCK_VENDORS.has(bedrock[1]) &&
    (host === 'aws.bedrock' || canonicalProvider === 'aws.bedrock' || canonicalProvider === null || /-v\d+(:\d+)?$/.test(model));
  if (looksBedrock && bedrock?.[1] && bedrock[2]) {
    host ??= 'aws.bedrock';
    vendor ??= normalizeProvider(bedrock[1] === 'amazon' ? 'aws.bedrock' : bedrock[1]);
    model = bedrock[2].replace(BEDROCK_VERSION_SUFFIX, '');
  }

  const atDate = VERTEX_AT_DATE.exec(model);
  if (atDate?.[1] && atDate[2]) {
    host ??= 'gcp.vertex_ai';
    model = `${atDate[1]}-${atDate[2]}`;
  }

  return { raw: trimmed, stripped, model, dateless: model.replace(TRAILING_DATE, ''), vendor, host };
}

/**
 * A key for comparing model names loosely: lower case, `_` as `-`, and dots between
 * digits as dashes, so `claude-opus-4.6`, `claude-opus-4-6` and `Claude_Opus_4.6` agree.
 */
export function modelKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/(\d)\.(?=\d)/g, '$1-');
}
