export type { CanonicalCall, Convention, MapResult, UsageSource } from './canonical-call.ts';
export { mapSpan } from './map-span.ts';
export { dedupeCalls, DUPLICATE_PARENT_REASON } from './dedupe-calls.ts';
export { detectConvention } from './detect-convention.ts';
export { mapOtelGenAiSpan } from './map-otel-genai-span.ts';
export { mapOpenLlmetrySpan } from './map-openllmetry-span.ts';
export { mapOpenInferenceSpan } from './map-openinference-span.ts';
export { mapVercelAiSpan } from './map-vercel-ai-span.ts';
export { mapLangfuseSpan } from './map-langfuse-span.ts';
export { mapTierlensSpan } from './map-tierlens-span.ts';
export { normalizeProvider } from '@tierlens/analyzer';
export { readAppContext, type AppContext } from './read-app-context.ts';
export { resolveTokenUsage, type ReportedUsage, type TokenUsage } from './resolve-token-usage.ts';
export { RESOURCE_ATTRIBUTE_PREFIX } from './to-call-attributes.ts';
export {
  ATTRIBUTE_ARRAY_MAX_ITEMS,
  ATTRIBUTE_VALUE_MAX_CHARS,
  COMPLETION_TEXT_MAX_CHARS,
  CONTENT_PARSE_MAX_CHARS,
  PROMPT_TEXT_MAX_CHARS,
  TAG_VALUE_MAX_CHARS,
  TAGS_MAX_COUNT,
} from './limits.ts';
