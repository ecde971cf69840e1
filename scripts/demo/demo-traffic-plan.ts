/**
 * The shape of the demo project's traffic: which features send which query types to which
 * models, how many calls a day and how many tokens each. Chosen so that a new user sees the
 * product's point at once: coding on a frontier model that a mid tier matches (overpaying),
 * coding on a budget model below the query type's quality floor (underbidding), a model that
 * truncates often, and plenty of ordinary traffic around them.
 */
export interface DemoStream {
  feature: string;
  queryType: string;
  provider: 'openai' | 'anthropic' | 'gcp.gemini';
  model: string;
  callsPerDay: number;
  inputTokens: [min: number, max: number];
  outputTokens: [min: number, max: number];
  cacheShare?: number;
  reasoningShare?: number;
  errorRate?: number;
  truncationRate?: number;
  streamed?: boolean;
  tools?: boolean;
}

export const DEMO_STREAMS: DemoStream[] = [
  { feature: 'code-review', queryType: 'coding', provider: 'anthropic', model: 'claude-opus-4-6', callsPerDay: 420, inputTokens: [2500, 9000], outputTokens: [400, 1600], cacheShare: 0.4, streamed: true },
  { feature: 'code-review', queryType: 'coding', provider: 'anthropic', model: 'claude-sonnet-4-6', callsPerDay: 90, inputTokens: [2500, 9000], outputTokens: [450, 1700], cacheShare: 0.4, streamed: true },
  { feature: 'support-bot', queryType: 'general_chat', provider: 'openai', model: 'gpt-4o-mini', callsPerDay: 1600, inputTokens: [300, 1500], outputTokens: [80, 400], cacheShare: 0.2, streamed: true },
  { feature: 'support-bot', queryType: 'summarization', provider: 'openai', model: 'gpt-4o', callsPerDay: 380, inputTokens: [1500, 6000], outputTokens: [150, 500] },
  { feature: 'support-bot', queryType: 'agentic', provider: 'openai', model: 'gpt-4o', callsPerDay: 260, inputTokens: [2000, 7000], outputTokens: [100, 600], tools: true },
  { feature: 'research-assistant', queryType: 'expert_qa', provider: 'openai', model: 'gpt-4o-mini', callsPerDay: 240, inputTokens: [500, 2500], outputTokens: [300, 1200], truncationRate: 0.07 },
  { feature: 'ide-autocomplete', queryType: 'coding', provider: 'openai', model: 'gpt-5-nano', callsPerDay: 700, inputTokens: [800, 3000], outputTokens: [60, 400], reasoningShare: 0.3, streamed: true },
  { feature: 'research-assistant', queryType: 'math', provider: 'openai', model: 'o3', callsPerDay: 60, inputTokens: [300, 1500], outputTokens: [1500, 6000], reasoningShare: 0.7 },
  { feature: 'invoice-parser', queryType: 'extraction', provider: 'openai', model: 'gpt-4o', callsPerDay: 520, inputTokens: [1200, 4000], outputTokens: [100, 300], errorRate: 0.01 },
  { feature: 'ticket-router', queryType: 'classification', provider: 'gcp.gemini', model: 'gemini-2.5-flash', callsPerDay: 900, inputTokens: [200, 900], outputTokens: [5, 20] },
  { feature: 'localization', queryType: 'translation', provider: 'anthropic', model: 'claude-haiku-4-5', callsPerDay: 300, inputTokens: [400, 2000], outputTokens: [400, 2000] },
  { feature: 'marketing-copy', queryType: 'creative_writing', provider: 'anthropic', model: 'claude-sonnet-4-6', callsPerDay: 80, inputTokens: [300, 1200], outputTokens: [500, 1500], truncationRate: 0.02 },
];

/** Share of a day's calls in each UTC hour: a working-day curve with a quiet night. */
export const HOURLY_SHAPE = [0.4, 0.3, 0.25, 0.25, 0.3, 0.5, 0.8, 1.2, 1.6, 1.9, 2, 2, 1.9, 1.9, 2, 1.9, 1.7, 1.4, 1.1, 0.9, 0.8, 0.7, 0.6, 0.5];
