/** One `llm_calls` row as the ingest writes it: a mapped call, priced and classified. */
export interface CallRow {
  projectId: string;
  traceId: string;
  spanId: string;
  startTime: Date;
  parentSpanId: string | null;
  durationMs: number;
  timeToFirstTokenMs: number | null;
  provider: string | null;
  requestModel: string | null;
  responseModel: string | null;
  model: string;
  operation: string;
  status: 'ok' | 'error';
  errorType: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  usageSource: string;
  /** Exact decimal string, or null when unpriced. */
  costUsd: string | null;
  reportedCostUsd: string | null;
  priceVersion: string | null;
  queryType: string;
  queryTypeSource: string;
  queryTypeConfidence: number;
  /** Hash of the prompt's template (`promptTemplateFingerprint`); null or absent without a prompt. */
  templateFingerprint?: string | null;
  /** The automatic query type before people's corrections (absent: the effective one). */
  autoQueryType?: string;
  autoQueryTypeSource?: string;
  autoQueryTypeConfidence?: number;
  /** The type this call votes for in its template's majority (a confident classification), else null or absent. */
  templateVote?: string | null;
  finishReasons: string[];
  feature: string | null;
  environment: string | null;
  endUserId: string | null;
  serviceName: string | null;
  convention: string;
  /** Span and resource attributes, already JSON-safe (no bigints). */
  attributes: Record<string, unknown>;
  promptContent: string | null;
  completionContent: string | null;
  /** What the SDK's routing did (`tierlens.routing.*`); absent or null when no rule matched. */
  routingRuleId?: string | null;
  routingMode?: string | null;
  routingOriginalModel?: string | null;
  routingControl?: boolean | null;
}
