import type { Confidence, Finding, FindingsResult } from '../findings/findings-types.ts';
import type { RoutingRule } from './routing-rule.ts';

/** Settings of {@link synthesizeRules}. */
export interface SynthesizeRulesOptions {
  /** Findings below this confidence make no rule. */
  readonly minConfidence: Confidence;
  readonly kinds: readonly Finding['kind'][];
  /**
   * A cap on the quality given up by overpaying rules, in benchmark points averaged over all
   * of the period's calls: each rule "costs" its calls × its expected drop (points, ≥ 0).
   * Rules are taken by saving per point given up, best first, while the total stays within
   * the cap. Null: every eligible finding makes a rule (each already within its tolerance).
   */
  readonly qualityBudget: { readonly maxLossPoints: number } | null;
}

/** The defaults of {@link SynthesizeRulesOptions}. */
export const DEFAULT_SYNTHESIZE_RULES_OPTIONS: SynthesizeRulesOptions = {
  minConfidence: 'medium',
  kinds: ['overpaying', 'underbidding'],
  qualityBudget: null,
};

const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/**
 * Turns findings into routing rules: one rule per finding that is confident enough,
 * `when query type = X [and feature = F] and model = M (at provider P) → use M'`, carrying
 * the finding's evidence. Underbidding rules are always kept (they buy quality); overpaying
 * rules can be limited by a quality budget. Sorted by query type, feature, provider, model.
 */
export function synthesizeRules(result: FindingsResult, options: Partial<SynthesizeRulesOptions> = {}): RoutingRule[] {
  const settings: SynthesizeRulesOptions = { ...DEFAULT_SYNTHESIZE_RULES_OPTIONS, ...options };
  const eligible = result.findings.filter(
    (finding) => RANK[finding.confidence] >= RANK[settings.minConfidence] && settings.kinds.includes(finding.kind),
  );
  const chosen = settings.qualityBudget === null ? eligible : withinBudget(eligible, settings.qualityBudget.maxLossPoints * result.totals.calls);
  return chosen.map(ruleFrom).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

function withinBudget(findings: readonly Finding[], budget: number): Finding[] {
  const loss = (finding: Finding) => Math.max(0, -finding.quality.deltaPoints.point) * finding.affected.calls;
  const saving = (finding: Finding) => Number(finding.monthlySavingUsd.point);
  const overpaying = findings
    .filter((finding) => finding.kind === 'overpaying' && saving(finding) > 0)
    .sort((a, b) => {
      // Saving per point-call given up, best first; free rules (no loss) first of all.
      const ra = loss(a) === 0 ? Number.POSITIVE_INFINITY : saving(a) / loss(a);
      const rb = loss(b) === 0 ? Number.POSITIVE_INFINITY : saving(b) / loss(b);
      return rb - ra || saving(b) - saving(a) || (a.id < b.id ? -1 : 1);
    });
  const kept: Finding[] = findings.filter((finding) => finding.kind === 'underbidding');
  let spent = 0;
  for (const finding of overpaying) {
    if (spent + loss(finding) > budget) continue;
    spent += loss(finding);
    kept.push(finding);
  }
  return kept;
}

/** The rule a finding recommends. */
export function ruleFrom(finding: Finding): RoutingRule {
  const fromModel = finding.current.catalogId ?? finding.current.model;
  return {
    id: `${finding.queryType}:${finding.feature ?? '*'}:${finding.current.provider ?? '*'}:${fromModel}->${finding.recommended.model}`,
    queryType: finding.queryType,
    feature: finding.feature,
    fromModel,
    fromModelAliases: finding.current.aliases.filter((alias) => alias !== fromModel),
    fromProvider: finding.current.provider,
    toModel: finding.recommended.model,
    toProvider: finding.recommended.provider,
    enabled: true,
    mode: 'enforce',
    canaryShare: null,
    evidence: {
      findingId: finding.id,
      kind: finding.kind,
      reason: finding.reason,
      confidence: finding.confidence,
      calls: finding.affected.calls,
      spendUsd: finding.affected.spendUsd,
      monthlySavingUsd: finding.monthlySavingUsd,
      costMethod: finding.cost.method,
      quality: {
        source: finding.quality.source,
        benchmark: finding.quality.benchmark,
        deltaPoints: finding.quality.deltaPoints,
        sources: finding.quality.recommended.sources.map(({ source, date }) => ({ source, date })),
      },
    },
  };
}

function sortKey(rule: RoutingRule): string {
  return [rule.queryType, rule.feature ?? '', rule.fromProvider ?? '', rule.fromModel, rule.toModel].join('\u0000');
}
