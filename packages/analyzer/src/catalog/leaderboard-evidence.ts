import type { CapabilityEvidence, CapabilityQueryType } from './catalog-types.ts';
import { citationText } from './evidence-sources.ts';
import { LEADERBOARD_CITATIONS, LEADERBOARD_ROWS } from './leaderboard-evidence.generated.ts';

/**
 * The imported leaderboard scores (LMArena categories, LiveBench, Arena-Hard-Auto) as
 * evidence, grouped by catalog id and query type in the generated order. Each keeps its own
 * benchmark name (leaderboard, category and scale), so scores from different leaderboards are
 * never compared with each other.
 */
export function leaderboardEvidence(): ReadonlyMap<string, Partial<Record<CapabilityQueryType, CapabilityEvidence[]>>> {
  const byModel = new Map<string, Partial<Record<CapabilityQueryType, CapabilityEvidence[]>>>();
  for (const { id, queryType, evidence } of LEADERBOARD_ROWS) {
    const citation = LEADERBOARD_CITATIONS[evidence.citation];
    const entry = byModel.get(id) ?? {};
    (entry[queryType] ??= []).push({
      ...evidence,
      score: { ...evidence.score },
      source: citationText(citation),
      citation: { ...citation },
      projectResult: null,
    });
    byModel.set(id, entry);
  }
  return byModel;
}
