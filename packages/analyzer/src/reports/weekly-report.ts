import type { Confidence, UsdRange } from '../findings/findings-types.ts';
import type { SpendSummary } from './summarize-spend.ts';

/** The seven days a weekly report covers, `[start, end)`, as days of the reader's time zone. */
export interface ReportWeek {
  readonly start: Date;
  readonly end: Date;
  /** The first day, `YYYY-MM-DD` in `timeZone`. */
  readonly firstDay: string;
  /** The last day (inclusive), `YYYY-MM-DD` in `timeZone`. */
  readonly lastDay: string;
  /** The IANA time zone the days are in. */
  readonly timeZone: string;
}

/** Spend of one query type or model this week, with last week's for comparison. */
export interface WeeklySpendLine {
  /** Exact decimal string in USD. */
  readonly costUsd: string;
  readonly calls: number;
  /** Calls without a price (their cost is not in `costUsd`). */
  readonly unpricedCalls: number;
  /** Share of the week's spend, 0..1. */
  readonly share: number;
  readonly previousCostUsd: string;
  /** (this week − last week) / last week's spend; null when last week had none. */
  readonly costChange: number | null;
}

export interface WeeklyQueryTypeLine extends WeeklySpendLine {
  readonly queryType: string;
  /** The model with the most spend on this query type. */
  readonly topModel: string | null;
}

export interface WeeklyModelLine extends WeeklySpendLine {
  readonly model: string;
  readonly provider: string;
  /** Catalog tier, or null when the model is not in the catalog. */
  readonly tier: string | null;
}

/** What a list leaves out: how many more lines and their spend. */
export interface WeeklyRest {
  readonly count: number;
  readonly costUsd: string;
  readonly calls: number;
  readonly unpricedCalls: number;
}

/** The routing rule a finding recommends, `when query type = X [and feature = F] and model = M → use M'`. */
export interface WeeklyRule {
  readonly queryType: string;
  readonly feature: string | null;
  readonly fromModel: string;
  readonly toModel: string;
  /** The rule in words, as the Rules page writes it. */
  readonly text: string;
}

/** One of the analyzer's findings (`Finding`), shaped for the email. */
export interface WeeklyFinding {
  readonly findingId: string;
  readonly queryType: string;
  readonly feature: string | null;
  readonly currentModel: string;
  readonly recommendedModel: string;
  /** Estimated saving per month if the calls move (negative: it costs more). */
  readonly monthlySavingUsd: UsdRange;
  /** Calls and spend the advice covers this week. */
  readonly calls: number;
  readonly spendUsd: string;
  /** Recommended minus current, in benchmark points (or failure-rate points when observed). */
  readonly qualityDeltaPoints: number;
  readonly benchmark: string;
  readonly qualitySource: 'benchmark' | 'project_eval' | 'observed';
  readonly confidence: Confidence;
  readonly rule: WeeklyRule;
}

/** The week's savings: the largest first, with the total of every confident finding. */
export interface WeeklySavings {
  /** Sum over every saving the analyzer is confident in (not only those listed). */
  readonly totalMonthlySavingUsd: UsdRange;
  readonly items: readonly WeeklyFinding[];
  /** Savings not listed. */
  readonly more: number;
}

/** Calls sent to a model that is too weak for them (underbidding), the most spend first. */
export interface WeeklyRisks {
  readonly items: readonly WeeklyFinding[];
  readonly more: number;
}

/** A model with calls this week past its maker's deprecation announcement. */
export interface WeeklyRetiringModel {
  readonly provider: string;
  readonly model: string;
  readonly calls: number;
  readonly status: 'deprecated' | 'retired';
  /** `YYYY-MM-DD`: when requests to it fail. */
  readonly retires: string;
  readonly replacement: string | null;
  /** The maker's deprecation page. */
  readonly sourceUrl: string;
}

/** Links back to the dashboard. */
export interface WeeklyLinks {
  readonly overview: string;
  readonly queryTypes: string;
  readonly models: string;
  readonly savings: string;
  readonly rules: string;
  readonly reports: string;
  readonly settings: string;
}

/**
 * Everything a weekly email report says, as data: the email, its plain-text part and the
 * preview page only format it. Every figure comes from the analyzer's report builders.
 */
export interface WeeklyReport {
  readonly project: { readonly id: string; readonly name: string };
  readonly week: ReportWeek;
  /** This week against last week (`summarizeSpend`). */
  readonly spend: SpendSummary;
  readonly byQueryType: readonly WeeklyQueryTypeLine[];
  readonly byQueryTypeRest: WeeklyRest | null;
  readonly byModel: readonly WeeklyModelLine[];
  readonly byModelRest: WeeklyRest | null;
  /** Null when findings were not computed for this report. */
  readonly savings: WeeklySavings | null;
  /** Null when findings were not computed for this report. */
  readonly risks: WeeklyRisks | null;
  /** Models with calls this week that have no price (their calls add nothing to spend): add a price. */
  readonly unpricedModels: readonly { readonly provider: string; readonly model: string; readonly calls: number }[];
  /**
   * Models that have a price but had calls this week without reported usage (no token counts),
   * which are therefore unpriced too: a price would not help, the instrumentation must report usage.
   */
  readonly noUsageModels: readonly { readonly provider: string; readonly model: string; readonly calls: number }[];
  /** Models with calls this week that their maker has deprecated or retired, soonest first. */
  readonly retiringModels: readonly WeeklyRetiringModel[];
  readonly links: WeeklyLinks;
  /** Rules the SDK applied this week (shadow, canary, enforced, or paused this week): predicted vs realized saving. Absent when not loaded. */
  readonly rulesInEffect?: readonly WeeklyRuleLine[];
}

/** One rule in the weekly report's "rules in effect: predicted vs realized". */
export interface WeeklyRuleLine {
  readonly ruleId: string;
  /** e.g. "coding: o3 → gpt-5-mini". */
  readonly label: string;
  /** off, shadow, canary N %, enforced. */
  readonly mode: string;
  readonly routedCalls: number;
  readonly controlCalls: number;
  /** USD; null until routed and baseline calls are both priced. */
  readonly realizedSavingUsd: number | null;
  /** The finding's prediction for the same routed calls, USD; null without evidence. */
  readonly predictedSavingUsd: number | null;
  readonly pauseReason: string | null;
}
