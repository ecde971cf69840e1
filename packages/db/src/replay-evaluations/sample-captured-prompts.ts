import type { Db } from '../client.ts';

/** A captured prompt sampled for a replay, with the stratum (feature) it was drawn from. */
export interface SampledPrompt {
  prompt: string;
  stratum: string;
}

/**
 * Samples up to `size` distinct captured prompts of one query type from the current model's calls
 * (optionally one feature), stratified by feature with proportional allocation: prompts are
 * shuffled within each feature (by a hash seeded with `seed`, so a sample can be drawn again)
 * and taken in the order of their rank divided by the feature's size, which interleaves the
 * features in proportion to their calls.
 */
export async function sampleCapturedPrompts(
  db: Db,
  input: { projectId: string; queryType: string; model: string; feature: string; since: Date; size: number; seed: string },
): Promise<SampledPrompt[]> {
  return db.$queryRaw<SampledPrompt[]>`
    WITH pool AS (
      SELECT DISTINCT ON (prompt_content) prompt_content AS prompt, COALESCE(feature, '') AS stratum
      FROM llm_calls
      WHERE project_id = ${input.projectId}::uuid AND query_type = ${input.queryType} AND model = ${input.model}
        AND start_time >= ${input.since} AND status <> 'error'
        AND prompt_content IS NOT NULL AND btrim(prompt_content) <> ''
        AND (${input.feature} = '' OR COALESCE(feature, '') = ${input.feature})
      ORDER BY prompt_content, start_time DESC
    ), ranked AS (
      SELECT prompt, stratum,
        row_number() OVER (PARTITION BY stratum ORDER BY md5(${input.seed} || prompt)) AS rank,
        count(*) OVER (PARTITION BY stratum) AS size
      FROM pool
    )
    SELECT prompt, stratum FROM ranked
    ORDER BY (rank - 0.5) / size, stratum
    LIMIT ${input.size}`;
}
