/**
 * Attribute names the SDK writes on a call's span. The `gen_ai.*` names follow the OpenTelemetry
 * GenAI semantic conventions (Development stability, so they are spelled out here rather than
 * imported from `@opentelemetry/semantic-conventions/incubating`, whose names move between
 * releases); the `tierlens.*` names are the ones the Tierlens ingest reads.
 */
export const ATTR = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestTemperature: 'gen_ai.request.temperature',
  requestTopP: 'gen_ai.request.top_p',
  requestStream: 'gen_ai.request.stream',
  requestEncodingFormats: 'gen_ai.request.encoding_formats',
  embeddingsDimensionCount: 'gen_ai.embeddings.dimension.count',
  responseModel: 'gen_ai.response.model',
  responseId: 'gen_ai.response.id',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  responseTimeToFirstChunk: 'gen_ai.response.time_to_first_chunk',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
  usageCacheReadInputTokens: 'gen_ai.usage.cache_read.input_tokens',
  usageCacheWriteInputTokens: 'gen_ai.usage.cache_write.input_tokens',
  usageReasoningOutputTokens: 'gen_ai.usage.reasoning.output_tokens',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  systemInstructions: 'gen_ai.system_instructions',
  errorType: 'error.type',
  /** On failed calls: the provider's HTTP status (e.g. 429). */
  httpStatusCode: 'http.response.status_code',
  serverAddress: 'server.address',
  serverPort: 'server.port',

  queryTypeHint: 'tierlens.query_type.hint',
  queryType: 'tierlens.query_type',
  queryTypeSource: 'tierlens.query_type.source',
  queryTypeConfidence: 'tierlens.query_type.confidence',
  feature: 'tierlens.feature',
  environment: 'tierlens.environment',
  endUserId: 'tierlens.end_user.id',
  hasTools: 'tierlens.has_tools',
  /** Set when a call finished without the provider reporting usage (e.g. a stream read without `include_usage`). */
  usageMissing: 'tierlens.usage.missing',
  /** Set on a streamed call whose stream the app dropped without reading it. */
  streamUnread: 'tierlens.stream.unread',

  /** The routing rule that matched the call (routing on). */
  routingRuleId: 'tierlens.routing.rule_id',
  /** How the rule applied: `shadow`, `canary` or `enforce`. */
  routingMode: 'tierlens.routing.mode',
  /** The model the rule routes to, on calls it did not change (shadow, control, skipped). */
  routingWouldUse: 'tierlens.routing.would_use',
  /** The model the app asked for, on calls the rule rewrote (`gen_ai.request.model` is the rule's). */
  routingOriginalModel: 'tierlens.routing.original_model',
  /** `true` on a canary's control call: it matched and was deliberately left alone. */
  routingControl: 'tierlens.routing.control',
  /** Why a matching rule was not applied, e.g. `no_client:mistral_ai`. */
  routingSkipped: 'tierlens.routing.skipped',
} as const;

/** Prefix of free-form tags: `tierlens.tag.<key>`. */
export const TAG_PREFIX = 'tierlens.tag.';

/** The `tierlens.query_type.source` value for a query type decided by the app's `classify` function. */
export const QUERY_TYPE_SOURCE_SDK = 'sdk-classifier';

/** Instrumentation scope name of the SDK's tracer; the span filter recognises Tierlens spans by it. */
export const TRACER_NAME = '@tierlens/sdk';

/** `gen_ai.operation.name` values the SDK emits. */
export type OperationName = 'chat' | 'embeddings';
