import { ZRoutingRule, type RoutingRule } from '../routing-rule.ts';

/**
 * A small rule set covering what exporters must handle: a rule for every feature, a rule
 * for one feature of another query type, dated aliases, a cross-provider target, a reseller
 * host (Bedrock) and a disabled rule. Test support.
 */
export function sampleRules(): RoutingRule[] {
  return [
    {
      id: 'coding:*:anthropic:claude-opus-4-6->claude-sonnet-4-6',
      queryType: 'coding',
      feature: null,
      fromModel: 'claude-opus-4-6',
      fromModelAliases: ['claude-opus-4-6-20260205'],
      fromProvider: 'anthropic',
      toModel: 'claude-sonnet-4-6',
      toProvider: 'anthropic',
    },
    {
      id: 'expert_qa:triage:openai:gpt-4-1106-preview->mixtral-8x7b-instruct',
      queryType: 'expert_qa',
      feature: 'triage',
      fromModel: 'gpt-4-1106-preview',
      fromProvider: 'openai',
      toModel: 'mixtral-8x7b-instruct',
      toProvider: 'mistral_ai',
    },
    {
      id: 'coding:*:openai:gpt-5-nano->gpt-5-mini',
      queryType: 'coding',
      feature: null,
      fromModel: 'gpt-5-nano',
      fromProvider: 'openai',
      toModel: 'gpt-5-mini',
      toProvider: 'openai',
    },
    {
      id: 'summarization:*:aws.bedrock:us.anthropic.claude-sonnet-4-5-20250929-v1:0->claude-haiku-4-5',
      queryType: 'summarization',
      feature: null,
      fromModel: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      fromProvider: 'aws.bedrock',
      toModel: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
      toProvider: 'aws.bedrock',
    },
    {
      id: 'math:*:openai:gpt-5-nano->gpt-5',
      queryType: 'math',
      feature: null,
      fromModel: 'gpt-5-nano',
      fromProvider: 'openai',
      toModel: 'gpt-5',
      toProvider: 'openai',
      enabled: false,
    },
  ].map((rule) => ZRoutingRule.parse(rule));
}
