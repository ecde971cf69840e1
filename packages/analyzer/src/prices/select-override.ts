import { modelKey, normalizeModel, type NormalizedModel } from './normalize-model.ts';
import { normalizeProvider } from './normalize-provider.ts';
import type { PriceOverride } from './price-types.ts';

/** What an override is chosen for. */
export interface OverrideQuery {
  /** Canonical provider of the call (see `normalizeProvider`), or null. */
  readonly provider: string | null;
  readonly model: NormalizedModel;
  readonly at: Date;
  /**
   * The call's project; overrides of other projects never apply. `undefined` means the
   * caller has already filtered the overrides to this project and its organization.
   */
  readonly projectId?: string | null;
}

interface Candidate {
  readonly override: PriceOverride;
  readonly projectScoped: boolean;
  readonly exactModel: boolean;
  readonly providerSpecific: boolean;
}

/**
 * Chooses the override that prices a call, or null. An override applies when it is in
 * force (`effectiveFrom` ≤ `at`), belongs to the organization or to the call's project,
 * names the call's provider or none, and names the call's model: the same model after
 * normalization, or the model without its release date (an override for `gpt-4o` also
 * prices `gpt-4o-2024-08-06`). Among those that apply, in order:
 *
 * 1. a project override beats an organization override;
 * 2. an override naming the exact model beats one naming the undated model;
 * 3. an override naming the provider beats one for any provider;
 * 4. the latest `effectiveFrom` wins;
 * 5. ties go to the smallest `id`, so the choice never depends on input order.
 */
export function selectOverride(overrides: readonly PriceOverride[], query: OverrideQuery): PriceOverride | null {
  const at = query.at.getTime();
  const callModel = modelKey(query.model.model);
  const callDateless = modelKey(query.model.dateless);
  const candidates: Candidate[] = [];
  for (const override of overrides) {
    if (override.effectiveFrom.getTime() > at) continue;
    const projectScoped = override.projectId !== null && override.projectId !== undefined;
    if (projectScoped && query.projectId !== undefined && override.projectId !== query.projectId) continue;
    const overrideProvider = normalizeProvider(override.provider);
    if (overrideProvider !== null && overrideProvider !== query.provider) continue;
    const normalized = normalizeModel(override.model, overrideProvider ?? query.provider);
    const key = modelKey(normalized.model);
    const rawKey = modelKey(override.model);
    const exactModel = key === callModel || rawKey === modelKey(query.model.raw);
    if (!exactModel && key !== callDateless) continue;
    candidates.push({ override, projectScoped, exactModel, providerSpecific: overrideProvider !== null });
  }
  candidates.sort(compareCandidates);
  return candidates[0]?.override ?? null;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(b.projectScoped) - Number(a.projectScoped) ||
    Number(b.exactModel) - Number(a.exactModel) ||
    Number(b.providerSpecific) - Number(a.providerSpecific) ||
    b.override.effectiveFrom.getTime() - a.override.effectiveFrom.getTime() ||
    (a.override.id < b.override.id ? -1 : a.override.id > b.override.id ? 1 : 0)
  );
}
