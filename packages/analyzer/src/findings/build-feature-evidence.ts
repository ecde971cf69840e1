import { z } from 'zod';
import { wilsonInterval } from '../catalog/binomial-evidence.ts';
import { ZCapabilityQueryType, type CapabilityQueryType } from '../catalog/catalog-types.ts';
import type { FeatureEvidence } from './findings-options.ts';

/** One model's result on one item of a project's own evaluation set. */
export const ZEvalOutcome = z.object({
  queryType: ZCapabilityQueryType,
  feature: z.string(),
  itemId: z.string().min(1),
  model: z.string().min(1),
  correct: z.boolean(),
});

/** See {@link ZEvalOutcome}. */
export type EvalOutcome = z.infer<typeof ZEvalOutcome>;

/** How {@link buildFeatureEvidence} labels and pools the evidence. */
export interface BuildFeatureEvidenceOptions {
  /** The model every other model is compared with item by item (usually the one in use). */
  readonly reference: string;
  readonly benchmark: string;
  readonly source: string;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: string;
  /** Shrink each feature's difference toward the query type's (default true). */
  readonly shrink?: boolean;
}

interface Pair {
  n: number;
  sum: number;
  sumSquares: number;
  correct: number;
}

/**
 * Turns a project's own evaluation results (several models on the same items, per feature)
 * into per-feature evidence for `computeFindings` (`featureEvidence`, with `byFeature`).
 *
 * The reference model's score on a feature is its accuracy there. Every other model's score
 * is the reference's plus their paired difference on the same items, shrunk toward that
 * model's difference over the whole query type (empirical Bayes, normal–normal): the weight
 * of a feature's own difference is τ² / (τ² + se²), where se² is the sampling variance of
 * the feature's paired difference and τ² the spread of the true differences across
 * features (DerSimonian–Laird). Per-feature samples are small, and picking the features
 * where a cheaper model looked best otherwise overstates it (the winner's curse); pairing
 * removes the item-difficulty noise both models share. Ranges are each model's Wilson 95%
 * interval on the feature, widened to include the shrunk point.
 */
export function buildFeatureEvidence(outcomes: readonly EvalOutcome[], options: BuildFeatureEvidenceOptions): FeatureEvidence[] {
  // query type → feature → item → model → correct
  const items = new Map<string, Map<string, Map<string, Map<string, boolean>>>>();
  for (const o of outcomes) {
    const byFeature = items.get(o.queryType) ?? new Map<string, Map<string, Map<string, boolean>>>();
    items.set(o.queryType, byFeature);
    const byItem = byFeature.get(o.feature) ?? new Map<string, Map<string, boolean>>();
    byFeature.set(o.feature, byItem);
    const byModel = byItem.get(o.itemId) ?? new Map<string, boolean>();
    byItem.set(o.itemId, byModel);
    byModel.set(o.model, o.correct);
  }
  const evidence: FeatureEvidence[] = [];
  for (const [queryType, byFeature] of [...items.entries()].sort()) {
    const features = [...byFeature.keys()].sort();
    const models = [...new Set(outcomes.filter((o) => o.queryType === queryType).map((o) => o.model))].sort();
    // feature → model → paired stats against the reference (the reference pairs with itself: its accuracy).
    const pairs = new Map<string, Map<string, Pair>>();
    for (const feature of features) {
      const stats = new Map<string, Pair>();
      for (const results of byFeature.get(feature)!.values()) {
        const reference = results.get(options.reference);
        if (reference === undefined) continue;
        for (const [model, correct] of results) {
          const pair = stats.get(model) ?? { n: 0, sum: 0, sumSquares: 0, correct: 0 };
          const d = Number(correct) - Number(reference);
          pair.n += 1;
          pair.sum += d;
          pair.sumSquares += d * d;
          pair.correct += Number(correct);
          stats.set(model, pair);
        }
      }
      pairs.set(feature, stats);
    }
    for (const model of models) {
      const shrunk = shrinkDifferences(features.map((f) => pairs.get(f)!.get(model) ?? null), options.shrink ?? true);
      features.forEach((feature, index) => {
        const own = pairs.get(feature)!.get(model);
        const reference = pairs.get(feature)!.get(options.reference);
        if (!own || !reference || own.n === 0) return;
        const referencePercent = (100 * reference.correct) / reference.n;
        const point = model === options.reference ? referencePercent : clamp(referencePercent + 100 * shrunk[index]!.difference);
        const wilson = wilsonInterval((100 * own.correct) / own.n, own.n);
        evidence.push({
          queryType: queryType as CapabilityQueryType,
          feature,
          provider: null,
          model,
          evidence: {
            benchmark: options.benchmark,
            score: { low: Math.min(wilson.low, round2(point)), high: Math.max(wilson.high, round2(point)), point: round2(point) },
            sampleSize: own.n,
            method:
              model === options.reference
                ? `accuracy on ${own.n} items`
                : `paired difference to ${options.reference} on ${own.n} items, weight ${shrunk[index]!.weight.toFixed(2)} on this feature, the rest on the query type`,
            source: options.source,
            date: options.date,
            note: null,
          },
        });
      });
    }
  }
  return evidence;
}

function shrinkDifferences(pairs: readonly (Pair | null)[], shrink: boolean): { difference: number; weight: number }[] {
  const stats = pairs.map((p) => {
    if (p === null || p.n === 0) return null;
    const mean = p.sum / p.n;
    const variance = p.n > 1 ? Math.max(0, (p.sumSquares - p.n * mean * mean) / (p.n - 1)) : 0.25;
    return { mean, se2: Math.max(variance, 1 / (4 * p.n * p.n)) / p.n, n: p.n };
  });
  const present = stats.filter((s): s is NonNullable<typeof s> => s !== null);
  // DerSimonian–Laird: the spread of the true differences beyond what sampling explains,
  // each feature weighted by its precision (a 10-item feature barely moves τ²).
  const w = present.map((s) => 1 / s.se2);
  const sumW = w.reduce((sum, x) => sum + x, 0);
  const fixed = sumW > 0 ? present.reduce((sum, s, i) => sum + w[i]! * s.mean, 0) / sumW : 0;
  const q = present.reduce((sum, s, i) => sum + w[i]! * (s.mean - fixed) ** 2, 0);
  const c = sumW - w.reduce((sum, x) => sum + x * x, 0) / Math.max(sumW, Number.MIN_VALUE);
  const tau2 = present.length > 1 && c > 0 ? Math.max(0, (q - (present.length - 1)) / c) : 0;
  const random = present.map((s) => 1 / (s.se2 + tau2));
  const sumRandom = random.reduce((sum, x) => sum + x, 0);
  const pooled = sumRandom > 0 ? present.reduce((sum, s, i) => sum + random[i]! * s.mean, 0) / sumRandom : 0;
  return stats.map((s) => {
    if (s === null) return { difference: pooled, weight: 0 };
    if (!shrink) return { difference: s.mean, weight: 1 };
    const weight = tau2 + s.se2 > 0 ? tau2 / (tau2 + s.se2) : 0;
    return { difference: weight * s.mean + (1 - weight) * pooled, weight };
  });
}

function clamp(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
