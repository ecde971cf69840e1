/** Where a labelled prompt came from: the public data set, and the group held out together. */
export interface SourceGroup {
  /** `super-natural-instructions`, `mt-bench`, `mmlu`, `gsm8k`, `mbpp` or `tierlens-authored` (else the repo). */
  readonly dataset: string;
  /** The unit held out together: one NI task (all its copies), or a whole benchmark. */
  readonly group: string;
}

/**
 * `source` of the prompts written for this project (`data/authored-prompts/authored.jsonl`).
 * They are training data only: every evaluation puts them in every training fold and never
 * in a test fold, so held-out figures measure generalisation to unseen public sources.
 */
export const AUTHORED_SOURCE = 'tierlens-authored';

/** True for rows that may only ever be trained on, never scored (the authored prompts). */
export function isTrainingOnlySource(source: string): boolean {
  return source === AUTHORED_SOURCE || source.startsWith(`${AUTHORED_SOURCE}:`);
}

/**
 * Reads the data set and hold-out group from a row's `source`
 * (`<repo>:<path>#<row id>`). NI rows are grouped by task number, whichever
 * repository the copy was read from, because instances of a task share its
 * definition text; benchmark rows are grouped by benchmark; the authored prompts
 * are groups of their own, one per authored file and language (`tierlens-authored`,
 * `tierlens-authored:multilingual-zh`, …), never a test fold (see {@link isTrainingOnlySource}).
 */
export function sourceGroupOf(source: string): SourceGroup {
  // Each authored file (and language) is its own group, so it counts like one public source.
  if (isTrainingOnlySource(source)) return { dataset: AUTHORED_SOURCE, group: source };
  const repo = source.split(':')[0] ?? source;
  const lower = source.toLowerCase();
  if (repo === 'lm-sys/RouteLLM') {
    if (lower.includes('/mt_bench/')) return { dataset: 'mt-bench', group: 'mt-bench' };
    if (lower.includes('/mmlu/')) return { dataset: 'mmlu', group: 'mmlu' };
    if (lower.includes('/gsm8k/')) return { dataset: 'gsm8k', group: 'gsm8k' };
  }
  if (repo === 'OckBench/OckBench' || lower.includes('mbpp')) return { dataset: 'mbpp', group: 'mbpp' };
  // GPTeacher's role-play and code sets were generated separately: one group each.
  if (repo === 'teknium1/GPTeacher') return { dataset: 'gpteacher', group: `gpteacher-${(source.split(':')[1] ?? '').split('/')[0]?.toLowerCase()}` };
  const task = /task(\d+)/.exec(source);
  if (task) return { dataset: 'super-natural-instructions', group: `ni-task${Number(task[1])}` };
  return { dataset: repo, group: repo };
}
