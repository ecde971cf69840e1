export { init, flush, shutdown, getStats, getTierlens, type Tierlens } from './init.js';
export { wrapOpenAI } from './wrap-openai.js';
export { wrapAnthropic } from './wrap-anthropic.js';
export type { WrapOptions } from './wrap-client.js';
export { withTierlens, getTierlensContext, type TierlensContext } from './tierlens-context.js';
export { withFlush } from './with-flush.js';
export { TierlensSpanProcessor, type TierlensStats, type TierlensSpanProcessorOptions } from './batch-processor.js';
export { isLlmSpan } from './is-llm-span.js';
export {
  ZTierlensOptions,
  ZExportOptions,
  ZTierlensContext,
  type TierlensOptions,
  type ExportOptions,
  type Classify,
  type Classification,
  type Redact,
  ZRoutingOptions,
  type RoutingOptions,
} from './tierlens-options.js';
export { ZRoutingPolicy, type RoutingPolicy, type RoutingPolicyInput, type RoutingPolicyRule } from './routing-policy.js';
export { inCanary, type RoutingMode } from './router.js';
export type { ErrorHandler } from './report-error.js';
export { ATTR, TAG_PREFIX, QUERY_TYPE_SOURCE_SDK, TRACER_NAME } from './attributes.js';
export { SDK_VERSION } from './version.js';
