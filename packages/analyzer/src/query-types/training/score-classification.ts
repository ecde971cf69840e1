/** Precision, recall and F1 of one class. */
export interface ClassScore {
  readonly label: string;
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Scores of a set of predictions against the truth. */
export interface ClassificationScore {
  readonly perClass: readonly ClassScore[];
  /** Unweighted mean of the per-class F1 over `labels`. */
  readonly macroF1: number;
  readonly accuracy: number;
  /** `confusion[t][p]`: items of true label `labels[t]` predicted as `predictionLabels[p]`. */
  readonly confusion: readonly (readonly number[])[];
  readonly predictionLabels: readonly string[];
}

/**
 * Per-class precision/recall/F1, macro-F1, accuracy and the confusion matrix.
 * Predictions outside `labels` (such as `unknown`) count as misses for recall and
 * get their own confusion column.
 */
export function scoreClassification(
  truth: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): ClassificationScore {
  const extra = [...new Set(predicted.filter((p) => !labels.includes(p)))].sort();
  const predictionLabels = [...labels, ...extra];
  const confusion = labels.map(() => new Array<number>(predictionLabels.length).fill(0));
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i] as string;
    const row = confusion[labels.indexOf(t)];
    if (row) row[predictionLabels.indexOf(p)] = (row[predictionLabels.indexOf(p)] as number) + 1;
    if (t === p) correct += 1;
  });
  const perClass = labels.map((label, c) => {
    const tp = confusion[c]?.[c] ?? 0;
    const support = (confusion[c] ?? []).reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + (row[c] ?? 0), 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, support, precision, recall, f1 };
  });
  const macroF1 = perClass.reduce((sum, s) => sum + s.f1, 0) / Math.max(1, perClass.length);
  return { perClass, macroF1, accuracy: truth.length === 0 ? 0 : correct / truth.length, confusion, predictionLabels };
}
