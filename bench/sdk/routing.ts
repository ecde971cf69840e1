/**
 * The routing arm: what @tierlens/sdk adds per call with routing on, a 50-rule policy and
 * `routing.mode: 'enforce'`, against the same calls unwrapped in the same run (interleaved call
 * by call). The measured call matches a rule (query type from the wrapper's context) and is
 * rewritten to the rule's model, so the figure includes matching and the rewrite; nine other
 * rules name the same model, so the match scans more than one candidate.
 *
 *   npx tsx bench/sdk/routing.ts            # about half a minute
 *   npx tsx bench/sdk/routing.ts --quick
 *
 * R1. hot path: `openai` with an in-memory fetch (the SDK's own work), wrapped without routing
 *     and wrapped with routing, each against unwrapped.
 * R2. network: `openai` → the local fake provider over HTTP (child process), spans exported to
 *     a local sink; three rounds, median round reported, as in run.ts phase 1.
 * The policy is static (`routing.policy`): a remote policy is fetched off the call path, so
 * the per-call work is the same.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import OpenAI from 'openai';
import { INSTALLED_PACKAGE, installBuiltPackage } from '../../packages/sdk/test/install-built-package.ts';
import { interleave, memoryClient, params, report, startProviderProcess, startSink, us } from './measure.ts';

installBuiltPackage();
const { init, shutdown, wrapOpenAI } = (await import(pathToFileURL(join(INSTALLED_PACKAGE, 'dist/esm/index.js')).href)) as typeof import('../../packages/sdk/src/index.ts');

const quick = process.argv.includes('--quick');
const scale = quick ? 0.2 : 1;

const QUERY_TYPES = ['coding', 'math', 'expert_qa', 'summarization', 'extraction', 'classification', 'translation', 'creative_writing', 'general_chat', 'agentic'];
const MODELS = ['gpt-4o', 'gpt-4.1', 'o3', 'gpt-5', 'claude-opus-4-6'];
/** 50 rules: every query type × five models; the measured call (coding, gpt-4o) matches the last gpt-4o rule listed. */
const rules = MODELS.flatMap((model) =>
  QUERY_TYPES.map((queryType) => ({
    id: `${queryType}:${model}`,
    when: { queryType, feature: null, provider: model.startsWith('claude') ? 'anthropic' : 'openai', models: [model, `${model}-2025-01-01`] },
    use: { model: `${model}-mini`, provider: null },
    mode: 'enforce' as const,
    canaryShare: null,
  })),
).sort((a, b) => Number(a.id === 'coding:gpt-4o') - Number(b.id === 'coding:gpt-4o'));
const policy = { kind: 'tierlens.routing-policy' as const, version: 1 as const, generatedAt: null, rules };

const provider = await startProviderProcess();
const sink = await startSink();
console.log(`# @tierlens/sdk routing benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick)' : ''}`);
console.log(`${rules.length}-rule policy, routing.mode 'enforce'; "added" = wrapped − unwrapped, interleaved in the same run.`);

init({ apiKey: 'tl_bench', endpoint: sink.url, onError: () => {}, routing: { mode: 'enforce', policy } });
const context = { queryType: 'coding' };

// R1. hot path
const HOT = Math.round(20000 * scale);
const memPlain = memoryClient();
const memRouted = wrapOpenAI(memoryClient(), context);
const hotRouted = report(`R1. hot path, routing on (every call matches and is rewritten), ${HOT} calls per arm`, await interleave(HOT, 2000, () => memPlain.chat.completions.create(params), () => memRouted.chat.completions.create(params)));
// The same without a query type: the call is looked up (a rule names its model) but never routed.
const memUnrouted = wrapOpenAI(memoryClient());
const hotNoType = report(`R1b. hot path, routing on, call without a query type (looked up, not routed), ${HOT} calls per arm`, await interleave(HOT, 2000, () => memPlain.chat.completions.create(params), () => memUnrouted.chat.completions.create(params)));

// R2. network, three rounds
const NET = Math.round(5000 * scale);
const netPlain = new OpenAI({ apiKey: 'sk-bench', baseURL: `${provider.url}/v1`, maxRetries: 0 });
const netRouted = wrapOpenAI(new OpenAI({ apiKey: 'sk-bench', baseURL: `${provider.url}/v1`, maxRetries: 0 }), context);
const rounds: Array<{ addedMedian: number; addedP99: number }> = [];
for (let round = 1; round <= 3; round++) {
  rounds.push(report(`R2. network, round ${round} of 3: openai → local fake provider over HTTP, routing on, ${NET} calls per arm`, await interleave(NET, 300, () => netPlain.chat.completions.create(params), () => netRouted.chat.completions.create(params))));
}
const network = [...rounds].sort((x, y) => x.addedMedian - y.addedMedian)[1]!;
await shutdown();

// Without routing, the same hot path, for the routing's own share.
init({ apiKey: 'tl_bench', endpoint: sink.url, onError: () => {} });
const memWrapped = wrapOpenAI(memoryClient(), context);
const hotPlainSdk = report(`R1c. hot path, routing off (the SDK without routing), ${HOT} calls per arm`, await interleave(HOT, 2000, () => memPlain.chat.completions.create(params), () => memWrapped.chat.completions.create(params)));
await shutdown();

console.log('\n## summary');
console.log(`  added per call, median, routing on (50 rules, enforce): hot path ${us(hotRouted.addedMedian)} (routing off ${us(hotPlainSdk.addedMedian)}, no query type ${us(hotNoType.addedMedian)}), network ${us(network.addedMedian)} (rounds ${rounds.map((r) => us(r.addedMedian)).join(', ')}) — target < 20 µs`);
provider.stop();
sink.server.close();
