/**
 * The previously shipped classifier, as the baseline of the same bench run: its source files
 * are read from git at a pinned commit (the model and the feature code that goes with it)
 * into bench/classifier/.baseline/<commit>/ (ignored by git) and imported from there, so no
 * copy of old code is kept in the tree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PromptClassifier } from '../../packages/analyzer/src/query-types/create-prompt-classifier.ts';

/** The last commit of the classifier before the multilingual one (v2 features, English-only). */
export const PREVIOUS_CLASSIFIER_COMMIT = '3491e77';

const FILES = [
  'classify-prompt.ts',
  'create-prompt-classifier.ts',
  'features.ts',
  'prompt-text.ts',
  'query-type-lexicon.ts',
  'query-type-model.ts',
  'query-type.ts',
  'score-query-types.ts',
  'shipped-query-type-model.ts',
];

/** Loads `classifyPrompt` of the classifier shipped at {@link PREVIOUS_CLASSIFIER_COMMIT}. */
export async function loadPreviousClassifier(): Promise<PromptClassifier> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = fileURLToPath(new URL(`./.baseline/${PREVIOUS_CLASSIFIER_COMMIT}/`, import.meta.url));
  if (!existsSync(`${dir}classify-prompt.ts`)) {
    mkdirSync(dir, { recursive: true });
    for (const file of FILES) {
      const text = execFileSync(
        'git',
        ['show', `${PREVIOUS_CLASSIFIER_COMMIT}:packages/analyzer/src/query-types/${file}`],
        { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      writeFileSync(`${dir}${file}`, text);
    }
  }
  const module = (await import(`${dir}classify-prompt.ts`)) as { classifyPrompt: PromptClassifier };
  return module.classifyPrompt;
}
