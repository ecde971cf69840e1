import { formatUsd, roundUsd } from './money.ts';

/** The two costs stored for a call. */
export interface CostPair {
  /** Tierlens's own cost (`priceCall`), or null when unpriced. */
  readonly computedUsd: string | null;
  /** The cost the provider or SDK reported (e.g. `llm.cost.total`, Langfuse `cost_details`), or null. */
  readonly reportedUsd: string | null;
}

/** The cost to show, and where it came from. */
export interface DisplayedCost {
  readonly usd: string | null;
  readonly source: 'computed' | 'reported' | 'none';
  /** reported − computed when both exist, else null. */
  readonly differenceUsd: string | null;
  /**
   * True when both exist and differ by more than 5% of the computed cost (and by more
   * than $0.000001): worth a look, e.g. a missing override or a discount.
   */
  readonly disagree: boolean;
}

const DISAGREE_ABSOLUTE_E10 = 10_000n; // $0.000001

/**
 * The displayed-cost policy. Both costs are always stored; the dashboard shows:
 *
 * 1. the computed cost when the call is priced: it is consistent across providers and
 *    SDKs, carries a price version, honours the organization's overrides and can be
 *    re-priced;
 * 2. else the reported cost, so a model Tierlens has no price for still shows what the
 *    provider said it cost;
 * 3. else nothing (`usd: null`, shown as "unpriced"), never $0.
 */
export function chooseDisplayedCost(costs: CostPair): DisplayedCost {
  const computed = costs.computedUsd === null ? null : roundUsd(costs.computedUsd);
  const reported = costs.reportedUsd === null ? null : roundUsd(costs.reportedUsd);
  let differenceUsd: string | null = null;
  let disagree = false;
  if (computed !== null && reported !== null) {
    const difference = reported - computed;
    const magnitude = difference < 0n ? -difference : difference;
    differenceUsd = formatUsd(difference);
    disagree = magnitude > DISAGREE_ABSOLUTE_E10 && magnitude * 20n > (computed < 0n ? -computed : computed);
  }
  if (computed !== null) return { usd: formatUsd(computed), source: 'computed', differenceUsd, disagree };
  if (reported !== null) return { usd: formatUsd(reported), source: 'reported', differenceUsd, disagree };
  return { usd: null, source: 'none', differenceUsd, disagree };
}
