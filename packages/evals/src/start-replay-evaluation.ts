import { createReplayEvaluation, loadSealedProviderCredential, sampleCapturedPrompts, type Db } from '@tierlens/db';
import { z } from 'zod';
import type { ReplayPrompt } from './call-model.ts';

const ZModel = z.string().trim().min(1).max(200);

/** What a member asks for when starting an evaluation. */
export const ZStartReplayEvaluation = z
  .object({
    queryType: z.string().trim().min(1).max(50),
    /** One feature's calls, or '' for every feature of the query type. */
    feature: z.string().max(200).default(''),
    provider: z.string().trim().max(100).nullish().transform((v) => v || null),
    currentModel: ZModel,
    candidateModel: ZModel,
    method: z.enum(['pairwise', 'exact_match']).default('pairwise'),
    judgeModel: ZModel.nullish().transform((v) => v || null),
    currentCredentialId: z.string().uuid(),
    /** Defaults to the current model's credential. */
    candidateCredentialId: z.string().uuid().nullish(),
    /** Defaults to the candidate's credential. */
    judgeCredentialId: z.string().uuid().nullish(),
    sampleSize: z.number().int().min(1).max(500).default(50),
    spendCapUsd: z.string().trim().regex(/^\d{1,6}(\.\d{1,10})?$/, 'a USD amount such as "5" or "2.50"'),
    /** JSONL: one `{"prompt": "…" | {"system"?, "messages"}, "reference"?: "…"}` per line; instead of sampling captured prompts. */
    upload: z.string().max(5_000_000).nullish(),
  })
  .strict()
  .refine((v) => v.method === 'exact_match' || v.judgeModel, { message: 'A pairwise evaluation needs a judge model.', path: ['judgeModel'] })
  .refine((v) => Number(v.spendCapUsd) > 0, { message: 'The spend cap must be more than 0.', path: ['spendCapUsd'] });
export type StartReplayEvaluation = z.input<typeof ZStartReplayEvaluation>;

/** A request the user can fix: a bad upload, no captured prompts, an unknown credential. */
export class ReplayEvaluationInputError extends Error {}

const ZUploadLine = z.object({
  prompt: z.union([
    z.string().min(1),
    z.object({
      system: z.string().nullish(),
      messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).min(1),
    }),
  ]),
  reference: z.string().nullish(),
});

/** Parses uploaded JSONL prompts; the error names the first bad line. */
export function parsePromptUpload(text: string, limit: number): { prompt: ReplayPrompt; reference: string | null; stratum: string }[] {
  const out: { prompt: ReplayPrompt; reference: string | null; stratum: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ReplayEvaluationInputError(`Line ${i + 1} of the upload is not JSON.`);
    }
    const parsed = ZUploadLine.safeParse(json);
    if (!parsed.success) throw new ReplayEvaluationInputError(`Line ${i + 1} of the upload needs "prompt" (text or {system, messages}) and optionally "reference".`);
    const p = parsed.data.prompt;
    out.push({
      prompt: typeof p === 'string' ? { messages: [{ role: 'user', content: p }] } : { system: p.system ?? null, messages: p.messages },
      reference: parsed.data.reference ?? null,
      stratum: 'upload',
    });
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Starts a replay evaluation: checks the credentials belong to the project, takes the prompts
 * from the upload or samples captured ones (stratified by feature, last 30 days), and queues it
 * for the runner. Exact match needs a reference on every prompt, so it needs an upload.
 */
export async function startReplayEvaluation(
  db: Db,
  project: { id: string },
  input: StartReplayEvaluation,
  opts: { userId: string | null; now?: Date },
): Promise<{ id: string; items: number }> {
  const v = ZStartReplayEvaluation.parse(input);
  const candidateCredentialId = v.candidateCredentialId ?? v.currentCredentialId;
  const judgeCredentialId = v.method === 'pairwise' ? v.judgeCredentialId ?? candidateCredentialId : null;
  for (const id of new Set([v.currentCredentialId, candidateCredentialId, judgeCredentialId].filter((x): x is string => !!x))) {
    if (!(await loadSealedProviderCredential(db, project.id, id))) throw new ReplayEvaluationInputError('No such provider credential in this project.');
  }
  const now = opts.now ?? new Date();
  let items: { prompt: unknown; reference: string | null; stratum: string }[];
  if (v.upload) {
    items = parsePromptUpload(v.upload, v.sampleSize);
  } else {
    const sampled = await sampleCapturedPrompts(db, {
      projectId: project.id,
      queryType: v.queryType,
      model: v.currentModel,
      feature: v.feature,
      since: new Date(now.getTime() - 30 * 86_400_000),
      size: v.sampleSize,
      seed: `${v.queryType}:${v.candidateModel}:${now.toISOString()}`,
    });
    items = sampled.map((s) => ({ prompt: { messages: [{ role: 'user', content: s.prompt }] } satisfies ReplayPrompt, reference: null, stratum: s.stratum }));
  }
  if (items.length === 0) {
    throw new ReplayEvaluationInputError(
      v.upload ? 'The upload has no prompts.' : `No captured prompts of ${v.queryType} calls on ${v.currentModel} in the last 30 days: turn on prompt capture in the SDK, or upload prompts as JSONL.`,
    );
  }
  if (v.method === 'exact_match' && items.some((i) => i.reference === null)) {
    throw new ReplayEvaluationInputError('Exact match needs a "reference" on every uploaded prompt; use the pairwise judge otherwise.');
  }
  const { id } = await createReplayEvaluation(db, {
    projectId: project.id,
    queryType: v.queryType,
    feature: v.feature,
    provider: v.provider,
    currentModel: v.currentModel,
    candidateModel: v.candidateModel,
    judgeModel: v.method === 'pairwise' ? v.judgeModel : null,
    method: v.method,
    currentCredentialId: v.currentCredentialId,
    candidateCredentialId,
    judgeCredentialId,
    spendCapUsd: v.spendCapUsd,
    createdById: opts.userId,
    items,
  });
  return { id, items: items.length };
}
