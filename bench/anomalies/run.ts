/**
 * Precision and recall of spend-anomaly detection on synthetic hourly rollups with injected
 * spikes. Each series (a project × query type × model) has a daily curve, a weekday/weekend
 * shape, Poisson-like call noise and a slow trend over five weeks; in the last week some series
 * get a spike (1–6 hours, +50% to +900%, and at least $2 an hour above normal). An injected
 * spike counts as found when an anomaly overlaps it; an anomaly that overlaps no spike is a
 * false alarm. The baseline, measured on the same series in the same run, is the rule many
 * billing alerts use: an hour more than 2× the mean of the previous 24 hours (and $1 above it).
 *
 * Run: npx tsx bench/anomalies/run.ts [--series 400] [--seed 9000]
 */
import { detectSpendAnomalies, type HourlySpendSeries } from '../../packages/analyzer/src/anomalies/detect-spend-anomalies.ts';
import { seededRandom } from '../../packages/analyzer/src/query-types/training/seeded-random.ts';
import { HOURLY_SHAPE } from '../../scripts/demo/demo-traffic-plan.ts';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 9, 5); // a Monday
const window = { from: new Date(start + 4 * 168 * HOUR), to: new Date(start + 5 * 168 * HOUR) };
const seriesArg = process.argv.indexOf('--series');
const SERIES = seriesArg > 0 ? Number(process.argv[seriesArg + 1]) : 400;
const seedArg = process.argv.indexOf('--seed');
/** The spread floor was chosen on seed 9000; other seeds check it was not fitted to those series. */
const SEED = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 9000;

interface Spike { series: number; from: number; to: number }

function makeSeries(k: number): { series: HourlySpendSeries; spike: Spike | null } {
  const r = seededRandom(SEED + k);
  const callsPerDay = 50 + r() * 5000;
  const usdPerCall = 0.0005 + r() * 0.05;
  const weekend = 0.2 + r() * 0.8;
  const trend = (r() - 0.5) * 0.004; // per day
  const shapeSum = HOURLY_SHAPE.reduce((s, v) => s + v, 0);
  const hasSpike = r() < 0.5;
  const spikeStart = 4 * 168 + Math.floor(r() * 160);
  const spikeHours = 1 + Math.floor(r() * 6);
  const spikeFactor = 0.5 + r() * 8.5;
  const points: Array<{ hour: Date; costUsd: number }> = [];
  let injected = false;
  for (let h = 0; h < 5 * 168; h++) {
    const t = new Date(start + h * HOUR);
    const day = t.getUTCDay();
    const mean = (callsPerDay * (HOURLY_SHAPE[t.getUTCHours()]! / shapeSum)) * (day === 0 || day === 6 ? weekend : 1) * (1 + trend * (h / 24));
    // Poisson noise in the number of calls, plus ±30% in tokens per call.
    const calls = Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
    let usd = calls * usdPerCall * (0.7 + 0.6 * r());
    if (hasSpike && h >= spikeStart && h < spikeStart + spikeHours) {
      const extra = Math.max(mean * usdPerCall * spikeFactor, 2);
      usd += extra;
      injected = true;
    }
    points.push({ hour: t, costUsd: usd });
  }
  return { series: { key: { series: String(k) }, points }, spike: injected ? { series: k, from: spikeStart, to: Math.min(spikeStart + spikeHours, 5 * 168) } : null };
}

function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(r(), 1e-12))) * Math.cos(2 * Math.PI * r());
}

/** The baseline rule: an hour above 2× the mean of the previous 24 hours and $1 above it. */
function trailingMeanRule(s: HourlySpendSeries): Array<{ from: number; to: number }> {
  const values = s.points.map((p) => p.costUsd);
  const found: Array<{ from: number; to: number }> = [];
  for (let h = 4 * 168; h < values.length; h++) {
    let sum = 0;
    for (let k = h - 24; k < h; k++) sum += values[k]!;
    const mean = sum / 24;
    if (values[h]! > 2 * mean && values[h]! - mean >= 1) {
      const last = found.at(-1);
      if (last && last.to === h) last.to = h + 1;
      else found.push({ from: h, to: h + 1 });
    }
  }
  return found;
}

function score(found: ReadonlyArray<{ series: number; from: number; to: number }>, spikes: readonly Spike[]) {
  const overlaps = (a: { series: number; from: number; to: number }, b: Spike) => a.series === b.series && a.from < b.to && b.from < a.to;
  const truePositives = found.filter((f) => spikes.some((s) => overlaps(f, s))).length;
  const recalled = spikes.filter((s) => found.some((f) => overlaps(f, s))).length;
  const precision = found.length === 0 ? 1 : truePositives / found.length;
  const recall = spikes.length === 0 ? 1 : recalled / spikes.length;
  return { alarms: found.length, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

const made = Array.from({ length: SERIES }, (_, k) => makeSeries(k));
const spikes = made.flatMap((m) => (m.spike ? [m.spike] : []));
const began = performance.now();
const anomalies = detectSpendAnomalies(made.map((m) => m.series), window);
const ms = performance.now() - began;
const ours = score(anomalies.map((a) => ({ series: Number(a.key.series), from: (a.from.getTime() - start) / HOUR, to: (a.to.getTime() - start) / HOUR })), spikes);
const baseline = score(made.flatMap((m, k) => trailingMeanRule(m.series).map((f) => ({ series: k, ...f }))), spikes);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`anomaly bench, ${new Date().toISOString()}, node ${process.version}: ${SERIES} series × 5 weeks of hours, ${spikes.length} injected spikes in the last week, seed ${SEED}`);
console.log(`hour-of-week median/MAD (shipped): alarms ${ours.alarms}, precision ${pct(ours.precision)}, recall ${pct(ours.recall)}, F1 ${ours.f1.toFixed(3)}, ${ms.toFixed(0)} ms`);
console.log(`baseline (2× trailing 24 h mean):   alarms ${baseline.alarms}, precision ${pct(baseline.precision)}, recall ${pct(baseline.recall)}, F1 ${baseline.f1.toFixed(3)}`);
console.log(`ratio of F1 (shipped ÷ baseline): ${(ours.f1 / baseline.f1).toFixed(2)}×`);
