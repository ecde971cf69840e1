import { BUILTIN_MODELS } from './builtin-models.ts';
import { ZCatalogEntry, type CapabilityQueryType, type CatalogEntry, type CapabilityEvidence } from './catalog-types.ts';
import { leaderboardEvidence } from './leaderboard-evidence.ts';
import { publishedEvidence } from './published-evidence.ts';
import { sweBenchBashOnlyEvidence } from './swebench-bash-only.ts';

/**
 * Assembles the built-in catalog: each built-in model with its evidence per query type.
 * For `coding`, the SWE-bench bash-only result (one agent for every model, so the most
 * comparable) comes first, then makers' and papers' results; the bash-only result is also
 * the `agentic` evidence. The imported leaderboards (LMArena categories, LiveBench,
 * Arena-Hard-Auto) come after them. Validated with {@link ZCatalogEntry}.
 */
export function builtinCatalogEntries(): CatalogEntry[] {
  const bashOnly = sweBenchBashOnlyEvidence();
  const published = publishedEvidence();
  const leaderboards = leaderboardEvidence();
  const known = new Set(BUILTIN_MODELS.map((model) => model.id));
  for (const id of [...bashOnly.keys(), ...published.keys(), ...leaderboards.keys()]) {
    if (!known.has(id)) throw new Error(`evidence for a model not in the catalog: ${id}`);
  }
  return BUILTIN_MODELS.map((model) => {
    const evidence: Partial<Record<CapabilityQueryType, CapabilityEvidence[]>> = {};
    const sweBench = bashOnly.get(model.id);
    if (sweBench) {
      evidence.coding = [sweBench];
      evidence.agentic = [sweBench];
    }
    for (const source of [published, leaderboards]) {
      for (const [queryType, items] of Object.entries(source.get(model.id) ?? {}) as [CapabilityQueryType, CapabilityEvidence[]][]) {
        evidence[queryType] = [...(evidence[queryType] ?? []), ...items];
      }
    }
    return ZCatalogEntry.parse({ ...model, evidence });
  });
}
