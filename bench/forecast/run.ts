/**
 * Backtest of the month-end spend forecast at mid-month. For many months of synthetic daily
 * spend (weekly seasonality, trends, noise, occasional spikes and level shifts) and of the demo
 * project's traffic plan, forecasts the month's total from what was known on the 15th, and
 * compares the error with the baseline every billing page uses: the run rate (spend so far ÷
 * days elapsed × days in the month), computed on the same months in the same run. Also reports
 * how often the true total fell inside the forecast's 90% range.
 *
 * Run: npx tsx bench/forecast/run.ts [--months 400]
 */
import { forecastPeriodSpend, type DailySpend } from '../../packages/analyzer/src/forecast/forecast-period-spend.ts';
import { seededRandom } from '../../packages/analyzer/src/query-types/training/seeded-random.ts';
import { DEMO_STREAMS, type DemoStream } from '../../scripts/demo/demo-traffic-plan.ts';
import { priceCall } from '../../packages/analyzer/src/prices/index.ts';

const DAY = 86_400_000;
const monthsArg = process.argv.indexOf('--months');
const MONTHS = monthsArg > 0 ? Number(process.argv[monthsArg + 1]) : 400;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

interface Scenario {
  readonly name: string;
  /** Spend per day from 2026-01-01 (day 0) over 150 days. */
  readonly daily: number[];
}

/** One synthetic project: a weekly shape, a trend, noise, and sometimes a spike or a level shift. */
function syntheticScenario(seed: number): Scenario {
  const r = seededRandom(seed);
  const base = 5 + r() * 500;
  const weekendFactor = 0.2 + r() * 0.9;
  const growthPerDay = (r() - 0.4) * 0.02; // −0.8% … +1.2% a day, compounded
  const noise = 0.05 + r() * 0.3;
  const spikeDay = r() < 0.3 ? Math.floor(r() * 150) : -1;
  const shiftDay = r() < 0.2 ? 60 + Math.floor(r() * 90) : -1;
  const shift = 0.5 + r();
  const daily: number[] = [];
  for (let d = 0; d < 150; d++) {
    const weekday = new Date(Date.UTC(2026, 0, 1) + d * DAY).getUTCDay();
    let v = base * (1 + growthPerDay) ** d * (weekday === 0 || weekday === 6 ? weekendFactor : 1);
    v *= Math.max(0, 1 + noise * (r() + r() + r() - 1.5) * 1.2);
    if (d === spikeDay) v *= 3 + r() * 5;
    if (shiftDay >= 0 && d >= shiftDay) v *= shift;
    daily.push(v);
  }
  return { name: 'synthetic', daily };
}

/** The demo project's plan priced at list prices, with Poisson-like day-to-day variation. */
function demoScenario(seed: number): Scenario {
  const r = seededRandom(seed);
  const perCall = DEMO_STREAMS.map((s) => ({ s, usd: meanCallUsd(s) }));
  const daily: number[] = [];
  for (let d = 0; d < 150; d++) {
    let v = 0;
    for (const { s, usd } of perCall) {
      const calls = s.callsPerDay * (1 + (r() - 0.5) * 2 / Math.sqrt(s.callsPerDay));
      v += calls * usd;
    }
    daily.push(v);
  }
  return { name: 'demo', daily };
}

function meanCallUsd(s: DemoStream): number {
  const input = Math.round((s.inputTokens[0] + s.inputTokens[1]) / 2);
  const output = Math.round((s.outputTokens[0] + s.outputTokens[1]) / 2);
  const priced = priceCall({ provider: s.provider, model: s.model, inputTokens: input, outputTokens: output, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, at: new Date('2026-01-01T00:00:00Z') });
  return priced.status === 'priced' ? Number(priced.costUsdE10) / 1e10 : 0;
}

interface Score { n: number; forecastApe: number[]; runRateApe: number[]; covered: number }

function backtest(scenarios: readonly Scenario[]): Score {
  const score: Score = { n: 0, forecastApe: [], runRateApe: [], covered: 0 };
  // Months whose 15th leaves at least eight weeks of history: March, April and May 2026.
  const months = [['2026-03-01', '2026-04-01'], ['2026-04-01', '2026-05-01'], ['2026-05-01', '2026-05-31']] as const;
  for (const sc of scenarios) {
    for (const [startDay, endDay] of months) {
      const day0 = Date.UTC(2026, 0, 1);
      const start = (Date.parse(startDay) - day0) / DAY;
      const end = Math.min((Date.parse(endDay) - day0) / DAY, sc.daily.length);
      const today = start + 14; // the 15th, nothing of it spent yet
      const known: DailySpend[] = sc.daily.slice(0, today).map((v, d) => ({ day: iso(day0 + d * DAY), costUsd: v }));
      const truth = sc.daily.slice(start, end).reduce((s, v) => s + v, 0);
      const f = forecastPeriodSpend(known, { periodStart: iso(day0 + start * DAY), periodEnd: iso(day0 + end * DAY), today: iso(day0 + today * DAY), todayElapsed: 0 });
      const runRate = (f.actualUsd / (today - start)) * (end - start);
      score.n++;
      score.forecastApe.push(Math.abs(f.forecastUsd - truth) / truth);
      score.runRateApe.push(Math.abs(runRate - truth) / truth);
      if (f.lowUsd <= truth && truth <= f.highUsd) score.covered++;
    }
  }
  return score;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function report(label: string, s: Score): void {
  console.log(
    `${label.padEnd(10)} months ${String(s.n).padStart(4)} · forecast error at mid-month: median ${pct(median(s.forecastApe))}, mean ${pct(mean(s.forecastApe))}` +
      ` · run rate: median ${pct(median(s.runRateApe))}, mean ${pct(mean(s.runRateApe))}` +
      ` · ratio (run-rate error ÷ forecast error, mean) ${(mean(s.runRateApe) / mean(s.forecastApe)).toFixed(2)}×` +
      ` · truth inside the 90% range ${pct(s.covered / s.n)}`,
  );
}

const synthetic = Array.from({ length: Math.ceil(MONTHS / 3) }, (_, k) => syntheticScenario(1000 + k));
const demo = Array.from({ length: 10 }, (_, k) => demoScenario(50 + k));
console.log(`forecast backtest, ${new Date().toISOString()}, node ${process.version}`);
report('synthetic', backtest(synthetic));
report('demo', backtest(demo));
