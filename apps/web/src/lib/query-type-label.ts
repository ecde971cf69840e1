const LABELS: Record<string, string> = {
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

/** Human name of a query type. */
export function queryTypeLabel(queryType: string): string {
  return LABELS[queryType] ?? queryType;
}
