/** The dimensions an anomaly's spend is broken down by to name what moved. */
export const ANOMALY_DRIVER_DIMENSIONS = ['feature', 'model', 'queryType', 'endUser'] as const;
export type AnomalyDriverDimension = (typeof ANOMALY_DRIVER_DIMENSIONS)[number];

/** Spend of one value of one dimension in the anomaly's hours, or in its baseline hours. */
export interface DriverSpendRow {
  readonly dimension: AnomalyDriverDimension;
  /** The dimension's value; `''` when calls did not carry one. */
  readonly value: string;
  readonly costUsd: number;
}

/** What moved: one value of one dimension, with its spend before (baseline) and after. */
export interface AnomalyDriver {
  readonly dimension: AnomalyDriverDimension;
  readonly value: string;
  /** Expected spend in the anomaly's hours, from the baseline weeks (their mean), USD. */
  readonly beforeUsd: number;
  /** Spend in the anomaly's hours, USD. */
  readonly afterUsd: number;
}

/**
 * Names the driver of an anomaly: the value whose spend grew most between the baseline (the
 * same hours of the previous `baselineWeeks` weeks, summed, divided by the number of weeks)
 * and the anomaly's hours. A dimension whose values the calls did not carry (only `''`) cannot
 * name a driver. Returns the drivers by growth, largest first, at most one per dimension value;
 * the first is the one to show.
 */
export function explainAnomaly(
  anomalyRows: readonly DriverSpendRow[],
  baselineRows: readonly DriverSpendRow[],
  baselineWeeks: number,
): AnomalyDriver[] {
  const cells = new Map<string, { dimension: AnomalyDriverDimension; value: string; before: number; after: number }>();
  const cell = (r: DriverSpendRow) => {
    const id = `${r.dimension}\u0000${r.value}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { dimension: r.dimension, value: r.value, before: 0, after: 0 }));
    return c;
  };
  for (const r of anomalyRows) cell(r).after += r.costUsd;
  for (const r of baselineRows) cell(r).before += r.costUsd / baselineWeeks;
  return [...cells.values()]
    .filter((c) => c.value !== '' && c.after > c.before)
    .sort((a, b) => b.after - b.before - (a.after - a.before) || a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value))
    .map((c) => ({ dimension: c.dimension, value: c.value, beforeUsd: c.before, afterUsd: c.after }));
}
