/**
 * Temperature scaling (Guo et al., 2017, "On Calibration of Modern Neural Networks"): the
 * single factor T that minimises the mean negative log-likelihood of `softmax(logits / T)`
 * on predictions the model did not train on. Deterministic grid search over log-spaced T
 * from 0.1 to 10 (step 1%), so the same predictions always give the same T.
 */
export function fitTemperature(logits: readonly (readonly number[])[], targets: readonly number[]): number {
  if (logits.length !== targets.length) throw new Error('one target per prediction expected');
  if (logits.length === 0) return 1;
  let bestT = 1;
  let bestLoss = Infinity;
  for (let t = 0.1; t <= 10; t *= 1.01) {
    const loss = meanNegativeLogLikelihood(logits, targets, t);
    if (loss < bestLoss) {
      bestLoss = loss;
      bestT = t;
    }
  }
  return Number(bestT.toPrecision(4));
}

/** Mean negative log-likelihood of the targets under `softmax(logits / temperature)`. */
export function meanNegativeLogLikelihood(
  logits: readonly (readonly number[])[],
  targets: readonly number[],
  temperature: number,
): number {
  let total = 0;
  logits.forEach((row, i) => {
    let max = -Infinity;
    for (const z of row) max = Math.max(max, z / temperature);
    let sum = 0;
    for (const z of row) sum += Math.exp(z / temperature - max);
    total += Math.log(sum) + max - (row[targets[i] as number] as number) / temperature;
  });
  return total / logits.length;
}
