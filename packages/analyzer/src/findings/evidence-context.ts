import type { CapabilityQueryType, CatalogEntry } from '../catalog/catalog-types.ts';
import { compareCapability, type CapabilityComparison } from '../catalog/compare-capability.ts';
import { getCapability, type Capability } from '../catalog/get-capability.ts';
import type { FeatureEvidence } from './findings-options.ts';
import type { ModelIdentity } from './model-identity.ts';

/** Evidence for one group: the catalog's, or the project's own for the group's feature. */
export interface GroupEvidence {
  readonly source: 'benchmark' | 'project_eval';
  /** The current model's capability on the query type. */
  readonly capability: Capability;
  /** Compares the current model with a candidate on a benchmark both have. */
  readonly compare: (candidate: CatalogEntry) => CapabilityComparison;
  /** Whether a candidate has evidence of this source at all. */
  readonly covers: (candidate: CatalogEntry) => boolean;
  /** A candidate's capability from the same source. */
  readonly capabilityOf: (candidate: CatalogEntry) => Capability;
}

/**
 * Chooses the evidence a group is judged on. With project evidence for the group's feature
 * (`featureEvidence`, grouped by feature; feature '' for findings made per query type) and for the current model, only that evidence is
 * used, for the current model and every candidate alike, so that scores from the project's
 * eval are never set against catalog scores. Otherwise the catalog's evidence is used.
 * Project evidence for models the catalog does not know is ignored (add them to the
 * catalog first).
 */
export function createEvidenceContext(
  featureEvidence: readonly FeatureEvidence[],
  identify: (provider: string | null, model: string) => ModelIdentity,
): (queryType: CapabilityQueryType, feature: string | null, current: CatalogEntry) => GroupEvidence {
  // (query type, feature) → catalog id → entry carrying only that feature's evidence.
  const byFeature = new Map<string, Map<string, CatalogEntry>>();
  for (const item of featureEvidence) {
    const { entry } = identify(item.provider, item.model);
    if (entry === null) continue;
    const key = `${item.queryType}\u0000${item.feature}`;
    const models = byFeature.get(key) ?? new Map<string, CatalogEntry>();
    const existing = models.get(entry.id);
    const items = [...(existing?.evidence[item.queryType] ?? []), item.evidence];
    models.set(entry.id, { ...entry, evidence: { [item.queryType]: items } });
    byFeature.set(key, models);
  }

  return (queryType, feature, current) => {
    // Findings made per query type (feature null) take the project's evidence for every feature ('').
    const project = byFeature.get(`${queryType}\u0000${feature ?? ''}`);
    const own = project?.get(current.id);
    if (project && own) {
      return {
        source: 'project_eval',
        capability: getCapability(own, queryType),
        compare: (candidate) => compareCapability(own, project.get(candidate.id) ?? null, queryType),
        covers: (candidate) => project.has(candidate.id),
        capabilityOf: (candidate) => getCapability(project.get(candidate.id) ?? null, queryType),
      };
    }
    return {
      source: 'benchmark',
      capability: getCapability(current, queryType),
      compare: (candidate) => compareCapability(current, candidate, queryType),
      covers: (candidate) => (candidate.evidence[queryType] ?? []).length > 0,
      capabilityOf: (candidate) => getCapability(candidate, queryType),
    };
  };
}
