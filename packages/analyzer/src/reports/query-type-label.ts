const QUERY_TYPE_LABELS: Record<string, string> = {
  coding: 'Coding',
  math: 'Math',
  expert_qa: 'Expert Q&A',
  summarization: 'Summarization',
  extraction: 'Extraction',
  classification: 'Classification',
  translation: 'Translation',
  creative_writing: 'Creative writing',
  general_chat: 'General chat',
  agentic: 'Agentic',
  unknown: 'Unknown',
};

/**
 * Human name of a query type, the same on every page and in every email. Importable alone
 * (`@tierlens/analyzer/query-type-label`) so browser bundles do not pull in the analyzer.
 */
export function queryTypeLabel(queryType: string): string {
  return QUERY_TYPE_LABELS[queryType] ?? queryType;
}

/** The query types a person can set (every one but `unknown`), in the order of the labels: importable without the analyzer. */
export const SETTABLE_QUERY_TYPES: readonly string[] = Object.keys(QUERY_TYPE_LABELS).filter((t) => t !== 'unknown');
