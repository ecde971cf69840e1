// The data layer's reads and writes that run the analyzer: the organization's model catalog
// (catalog overrides applied), the inputs of the findings, and re-pricing stored calls. A
// separate entry because loading the analyzer (its price data and classifier) takes seconds,
// which the ingest's start, the CLI and the migrator should not pay for through `@tierlens/db`.
export { loadCatalogOverrides, type StoredCatalogOverride } from './overrides/load-catalog-overrides.ts';
export { loadAdviceInputs, loadOrganizationCatalog } from './overrides/load-advice-inputs.ts';
export { repriceStoredCalls, type RepriceScope, type RepriceSummary } from './calls/reprice-stored-calls.ts';
