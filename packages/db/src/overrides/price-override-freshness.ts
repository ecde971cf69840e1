/**
 * How long an ingest process may price calls with the price overrides it read last. The ingest
 * re-reads them after this long; whoever changes an override and re-prices stored calls runs a
 * second pass after it, for the calls an ingest priced in the meantime.
 */
export const PRICE_OVERRIDE_CACHE_MS = 10_000;
