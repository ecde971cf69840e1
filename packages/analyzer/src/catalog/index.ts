export { binomialEvidence, wilsonInterval, type BinomialResult } from './binomial-evidence.ts';
export { buildCatalog, DEFAULT_CATALOG, type Catalog } from './build-catalog.ts';
export { BUILTIN_MODELS } from './builtin-models.ts';
export {
  CAPABILITY_QUERY_TYPES,
  ZCapabilityQueryType,
  ZCatalogEntry,
  ZCatalogOverride,
  ZCapabilityEvidence,
  ZEvidenceCitation,
  ZProjectEvalResult,
  type EvidenceCitation,
  type ProjectEvalResult,
  ZModelTier,
  ZScoreRange,
  type CapabilityQueryType,
  type CatalogEntry,
  type CatalogEntryInput,
  type CatalogOverride,
  type CapabilityEvidence,
  type ModelTier,
  type ScoreRange,
} from './catalog-types.ts';
export { compareCapability, type CapabilityComparison } from './compare-capability.ts';
export { citationText, EVIDENCE_SOURCES } from './evidence-sources.ts';
export { getCapability, type BenchmarkCapability, type Capability } from './get-capability.ts';
export { lookupModel } from './lookup-model.ts';
export { CATALOG_BENCHMARKS } from './published-evidence.ts';
export { SWE_BENCH_BASH_ONLY } from './swebench-bash-only.ts';
