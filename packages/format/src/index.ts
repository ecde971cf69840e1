// The one place numbers and dates become text, used by the dashboard (apps/web) and the weekly
// email (packages/reports), so a figure reads the same in both.
export {
  formatChange,
  formatChangeVsLastWeek,
  formatCount,
  formatDuration,
  formatMonthly,
  formatMonthlyRange,
  formatPercent,
  formatPerMTok,
  formatPoints,
  formatSavingEffect,
  formatScore,
  formatShare,
  formatSpend,
  formatTokens,
  formatUsd,
  formatUsdAxis,
} from './format-numbers.ts';
export { formatBucket, formatDate, formatDateTime, formatHour, formatWeek, formatWeekday } from './format-dates.ts';
