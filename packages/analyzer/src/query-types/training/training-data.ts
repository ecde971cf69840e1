import { isTrainingOnlySource, sourceGroupOf } from './source-group.ts';
import type { TaskPromptRow } from './task-prompt-row.ts';
import type { TrainingExample } from './train-query-type-model.ts';

/** A training example with the public data set it came from. */
export interface SourcedExample extends TrainingExample {
  readonly dataset: string;
}

/**
 * Public data sets that are trained on but not scored by the cross-validation: they are in
 * every training fold, like the authored prompts, so the grouped figures stay over the same
 * `dev.jsonl` rows as before they were added. GPTeacher's role-play and code requests
 * (`data/public-prompts/`) help those rows (see the analyzer README), and held out themselves
 * they are a different question (role-play is what the taxonomy's judgement calls are about).
 */
export const ALWAYS_IN_TRAINING_DATASETS: readonly string[] = ['gpteacher'];

/** Labelled rows split by how evaluations may use them. */
export interface TrainingData {
  /** Rows from public sources (`dev.jsonl`): trained on, and in evaluations held out by source. */
  readonly evaluated: readonly SourcedExample[];
  /**
   * Prompts written for this project (`data/authored-prompts/`) and the public sets of
   * {@link ALWAYS_IN_TRAINING_DATASETS}: in every training fold of every evaluation, never in
   * a test fold, never scored.
   */
  readonly trainingOnly: readonly SourcedExample[];
  /** Everything, in id order: what the shipped model is trained on. */
  readonly all: readonly SourcedExample[];
}

/**
 * Splits parsed rows (of any number of files) into evaluated and training-only examples,
 * each list in id order, so training sees the same order whatever order the files came in.
 */
export function toTrainingData(rows: readonly TaskPromptRow[]): TrainingData {
  const ids = new Set<string>();
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const all = sorted.map((row) => {
    if (ids.has(row.id)) throw new Error(`duplicate row id ${row.id}`);
    ids.add(row.id);
    const { dataset, group } = sourceGroupOf(row.source);
    const trainingOnly = isTrainingOnlySource(row.source) || ALWAYS_IN_TRAINING_DATASETS.includes(dataset);
    return { text: row.prompt, label: row.label, group, dataset, trainingOnly };
  });
  const strip = ({ trainingOnly: _, ...example }: (typeof all)[number]): SourcedExample => example;
  return {
    evaluated: all.filter((e) => !e.trainingOnly).map(strip),
    trainingOnly: all.filter((e) => e.trainingOnly).map(strip),
    all: all.map(strip),
  };
}
