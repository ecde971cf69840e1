/** Stable colours: a query type or model keeps its colour on every page and chart. */

const QUERY_TYPE_COLORS: Record<string, string> = {
  coding: '#2f5bea',
  math: '#8e44ad',
  expert_qa: '#c2372f',
  summarization: '#16a085',
  extraction: '#d68910',
  classification: '#7f8c8d',
  translation: '#1abc9c',
  creative_writing: '#e67e22',
  general_chat: '#5dade2',
  agentic: '#27ae60',
  unknown: '#b3b6bd',
  other: '#d0d3d9',
};

const PALETTE = ['#2f5bea', '#e4572e', '#17a398', '#f3a712', '#8e44ad', '#29335c', '#db2b39', '#5dade2', '#6c9a8b', '#a8763e', '#3d5a80', '#ef8354'];

export function queryTypeColor(queryType: string): string {
  return QUERY_TYPE_COLORS[queryType] ?? colorOf(queryType);
}

/** A colour derived from the name, so the same model has the same colour everywhere. */
export function colorOf(key: string): string {
  if (key === 'other') return QUERY_TYPE_COLORS.other!;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return PALETTE[(h >>> 0) % PALETTE.length]!;
}

export const TIER_COLORS: Record<string, string> = { frontier: '#c2372f', production: '#2f5bea', budget: '#17a398', local: '#7f8c8d' };
