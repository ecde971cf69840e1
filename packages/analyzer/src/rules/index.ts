export { ZCanaryShare, ZRoutingRule, ZRuleEvidence, ZRuleMode, type RuleMode, parseRoutingRules, type RoutingRule, type RoutingRuleInput, type RuleEvidence } from './routing-rule.ts';
export { createRuleMatcher, orderRules, type RuleSubject } from './match-rule.ts';
export {
  DEFAULT_SYNTHESIZE_RULES_OPTIONS,
  ruleFrom,
  synthesizeRules,
  type SynthesizeRulesOptions,
} from './synthesize-rules.ts';
export { whatIf, type RuleReplay, type WhatIfInput, type WhatIfResult } from './what-if.ts';
export {
  TIERLENS_POLICY_VERSION,
  ZTierlensPolicy,
  ZTierlensPolicyRule,
  type TierlensPolicy,
  type TierlensPolicyRule,
} from './tierlens-policy.ts';
export { exportTierlensPolicy } from './export-tierlens-policy.ts';
export {
  exportLitellmConfig,
  litellmRequestTags,
  type LitellmConfig,
  type LitellmDeployment,
  type LitellmExport,
} from './export-litellm-config.ts';
export { exportPortkeyConfig, type PortkeyConfig, type PortkeyExportOptions, type PortkeyQuery } from './export-portkey-config.ts';
export { formatYaml, type YamlValue } from './format-yaml.ts';
export {
  LATENCY_FACTOR,
  marginFromQualityDelta,
  MIN_CALLS_TO_COMPARE,
  MIN_MARGIN,
  ruleOutcome,
  wilson,
  type MeanLatency,
  type QualitySignal,
  type Rate,
  type RuleCallSums,
  type RuleGroupSums,
  type RuleOutcome,
  type RuleOutcomeInput,
} from './rule-outcome.ts';
