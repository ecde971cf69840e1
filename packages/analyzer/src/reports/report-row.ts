/**
 * The aggregate the dashboard and reports read: one row per time bucket × provider × model ×
 * query type × feature × environment, as summed from the hourly rollups (the bucket may be an
 * hour or a day). Empty strings stand for "none" in the dimension columns.
 */
export interface ReportRow {
  /** Start of the row's time bucket. */
  hour: Date;
  provider: string;
  model: string;
  queryType: string;
  feature: string;
  environment: string;
  calls: number;
  errorCalls: number;
  truncatedCalls: number;
  unpricedCalls: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** Exact decimal string in USD. */
  costUsd: string;
  durationMsSum: number;
  ttftMsSum: number;
  ttftCalls: number;
}
