import { seededRandom, shuffled } from './seeded-random.ts';

/**
 * Assigns each item to one of `k` folds so that all items of a group land in the
 * same fold: groups are taken largest first (ties in a seeded order) and each goes
 * to the fold with the fewest items so far. Returns the fold index of each item.
 */
export function groupedFolds(groups: readonly string[], k: number, seed: number): number[] {
  const sizes = new Map<string, number>();
  for (const group of groups) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const order = shuffled([...sizes.keys()].sort(), seededRandom(seed));
  const rank = new Map(order.map((group, index) => [group, index]));
  order.sort((a, b) => (sizes.get(b) as number) - (sizes.get(a) as number) || (rank.get(a) as number) - (rank.get(b) as number));
  const foldSizes = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const group of order) {
    let best = 0;
    for (let f = 1; f < k; f += 1) if ((foldSizes[f] as number) < (foldSizes[best] as number)) best = f;
    foldOf.set(group, best);
    foldSizes[best] = (foldSizes[best] as number) + (sizes.get(group) as number);
  }
  return groups.map((group) => foldOf.get(group) as number);
}

/**
 * Assigns items to `k` folds at random, stratified by label (each label's items are
 * shuffled with the seed and dealt round-robin). Returns the fold index of each item.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, index) => byLabel.set(label, [...(byLabel.get(label) ?? []), index]));
  const folds = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const index of shuffled(byLabel.get(label) as number[], random)) {
      folds[index] = offset % k;
      offset += 1;
    }
  }
  return folds;
}
