import type { CapabilityEvidence, CapabilityQueryType } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';
import { updateCatalogOverride } from './update-catalog-override';

/**
 * Adds an evidence entry to a model's query type for the organization, or replaces one: the
 * entry named by `replaces`, else one with the same benchmark and source. The override then
 * holds the query type's whole list (the catalog replaces evidence per query type).
 */
export function putCatalogEvidence(
  db: Db,
  input: {
    organizationId: string;
    modelId: string;
    queryType: CapabilityQueryType;
    evidence: CapabilityEvidence;
    replaces?: { benchmark: string; source: string } | null;
  },
) {
  return updateCatalogOverride(db, input, ({ entry, override }) => {
    const items = [...(entry.evidence[input.queryType] ?? [])];
    const key = input.replaces ?? input.evidence;
    const at = items.findIndex((e) => e.benchmark === key.benchmark && e.source === key.source);
    if (at >= 0) items[at] = input.evidence;
    else if (input.replaces) throw new DomainError('not_found', `No ${input.replaces.benchmark} evidence from that source for ${entry.id}.`);
    else items.push(input.evidence);
    return { ...override, evidence: { ...override.evidence, [input.queryType]: items } };
  });
}
