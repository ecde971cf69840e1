/**
 * Speed of findings and rules for a project with 10M calls over 90 days, computed from its
 * hourly rollups (~270k sparse rows: 10 models × 10 query types × 5 features × 2
 * environments). Prints the median time of each step and its ratio to a baseline measured
 * in the same run: one plain pass summing calls, tokens and cost over the same rows.
 *
 * Run: npx tsx bench/analyzer/findings-speed.ts
 */
import { exportLitellmConfig, exportPortkeyConfig, exportTierlensPolicy, synthesizeRules, whatIf } from '../../packages/analyzer/src/rules/index.ts';
import { computeFindings, parseRollupRows, type RollupRow } from '../../packages/analyzer/src/findings/index.ts';
import { generateSyntheticRollups } from '../../packages/analyzer/src/findings/testing/synthetic-rollups.ts';

const RUNS = 7;
const start = new Date('2026-08-24T00:00:00Z');
const period = { start, end: new Date(start.getTime() + 90 * 86_400_000) };
const rows = generateSyntheticRollups({ start, days: 90, totalCalls: 10_000_000, seed: 7 });

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(run: () => T): { ms: number; value: T } {
  let value: T | undefined;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    value = run();
    times.push(performance.now() - began);
  }
  return { ms: median(times), value: value as T };
}

function plainSum(input: readonly RollupRow[]): number {
  let total = 0;
  for (const row of input) total += row.calls + row.inputTokens + row.outputTokens + Number(row.costUsd);
  return total;
}

const baseline = time(() => plainSum(rows));
const findings = time(() => computeFindings({ rows, period }));
const rules = time(() => synthesizeRules(findings.value, { minConfidence: 'low' }));
const replay = time(() => whatIf({ rows, rules: rules.value, period }));
const exports = time(() => [exportTierlensPolicy(rules.value), exportLitellmConfig(rules.value), exportPortkeyConfig(rules.value)]);
const everything = time(() => {
  const result = computeFindings({ rows, period });
  const synthesized = synthesizeRules(result, { minConfidence: 'low' });
  whatIf({ rows, rules: synthesized, period });
  return [exportTierlensPolicy(synthesized), exportLitellmConfig(synthesized), exportPortkeyConfig(synthesized)];
});
const parse = time(() => parseRollupRows(rows));

const calls = rows.reduce((sum, row) => sum + row.calls, 0);
const line = (name: string, ms: number) =>
  `| ${name} | ${ms.toFixed(1)} ms | ${(ms / baseline.ms).toFixed(1)}× |`;
console.log(`${rows.length.toLocaleString('en-US')} rollup rows, ${calls.toLocaleString('en-US')} calls, 90 days; median of ${RUNS} runs`);
console.log(`${findings.value.findings.length} findings, ${rules.value.length} rules, what-if saving $${replay.value.savingUsd} over the period\n`);
console.log('| step | time | vs baseline |');
console.log('| --- | ---: | ---: |');
console.log(line('baseline: plain sum over the rows', baseline.ms));
console.log(line('computeFindings', findings.ms));
console.log(line('synthesizeRules', rules.ms));
console.log(line('whatIf (replay of the rules)', replay.ms));
console.log(line('three exports', exports.ms));
console.log(line('all of the above, end to end', everything.ms));
console.log(line('(boundary) parseRollupRows with zod', parse.ms));
console.log(`\ncomputeFindings target: < 1000 ms — ${findings.ms < 1000 ? 'met' : 'NOT met'}; end to end ${everything.ms < 1000 ? 'met' : 'NOT met'}`);
