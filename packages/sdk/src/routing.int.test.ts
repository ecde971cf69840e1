import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportTierlensPolicy, ZRoutingRule } from '@tierlens/analyzer';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.js';
import { shutdown } from './init.js';
import { inCanary } from './router.js';
import type { RoutingPolicyInput } from './routing-policy.js';
import { initTesting, type TierlensTesting } from './testing/index.js';
import type { RoutingOptions } from './tierlens-options.js';
import { withTierlens } from './tierlens-context.js';
import { wrapAnthropic } from './wrap-anthropic.js';
import { wrapOpenAI } from './wrap-openai.js';

let provider: FakeProvider;
let other: FakeProvider;
let t: TierlensTesting;

beforeAll(async () => {
  [provider, other] = await Promise.all([startFakeProvider(), startFakeProvider()]);
});
afterAll(async () => {
  await shutdown();
  await Promise.all([provider.close(), other.close()]);
});
beforeEach(() => {
  provider.requests.length = 0;
  other.requests.length = 0;
});

const openai = () => new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });
const anthropic = () => new Anthropic({ baseURL: provider.url, apiKey: 'sk-ant-test', maxRetries: 0 });
const ask = [{ role: 'user' as const, content: 'Write a function that adds two numbers.' }];
const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];

type Rule = RoutingPolicyInput['rules'][number];
function rule(over: Partial<Rule> & { id: string }): Rule {
  return { when: { queryType: 'coding', feature: null, provider: null, models: ['gpt-4o'] }, use: { model: 'gpt-4o-mini', provider: null }, mode: 'enforce', canaryShare: null, ...over };
}
function policy(...rules: Rule[]): RoutingPolicyInput {
  return { kind: 'tierlens.routing-policy', version: 1, generatedAt: null, rules };
}
function start(routing: RoutingOptions, extra: Parameters<typeof initTesting>[0] = {}) {
  t = initTesting({ ...extra, routing });
}
const sentModels = (p = provider) => p.requests.map((r) => r.body?.model);
const routingAttrs = (span: { attributes: Record<string, unknown> }) =>
  Object.fromEntries(Object.entries(span.attributes).filter(([k]) => k.startsWith('tierlens.routing.')));

/** Runs `fn` as part of the trace `traceId`, as a request handler inside a traced server would. */
function inTrace<T>(traceId: string, fn: () => T): T {
  const parent = trace.setSpanContext(context.active(), { traceId, spanId: '1'.repeat(16), traceFlags: TraceFlags.SAMPLED });
  return context.with(parent, fn);
}

describe('routing: shadow', () => {
  it('changes nothing in the request and records the rule, the model it would use and the mode', async () => {
    start({ mode: 'shadow', policy: policy(rule({ id: 'r-coding' })) });
    const res = await withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask }));
    expect(res.model).toBe('gpt-4o-2024-08-06');
    expect(sentModels()).toEqual(['gpt-4o']);
    expect(provider.requests[0]!.body).toEqual({ model: 'gpt-4o', messages: ask });
    const [span] = await t.getSpans();
    expect(routingAttrs(span!)).toEqual({ 'tierlens.routing.rule_id': 'r-coding', 'tierlens.routing.would_use': 'gpt-4o-mini', 'tierlens.routing.mode': 'shadow' });
    expect(span!.attributes['gen_ai.request.model']).toBe('gpt-4o');
  });

  it('in enforce mode, a rule in shadow mode only records', async () => {
    start({ mode: 'enforce', policy: policy(rule({ id: 'r-shadow', mode: 'shadow' })) });
    await withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask }));
    expect(sentModels()).toEqual(['gpt-4o']);
    expect(routingAttrs((await t.getSpans())[0]!)).toMatchObject({ 'tierlens.routing.mode': 'shadow', 'tierlens.routing.would_use': 'gpt-4o-mini' });
  });
});

describe('routing: enforce', () => {
  it('sends the rule’s model (OpenAI) and records the original one', async () => {
    start({ mode: 'enforce', policy: policy(rule({ id: 'r1' })) });
    const res = await withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask }));
    expect(sentModels()).toEqual(['gpt-4o-mini']);
    expect(res.model).toBe('gpt-4o-mini-2024-08-06');
    const [span] = await t.getSpans();
    expect(span!.name).toBe('chat gpt-4o-mini');
    expect(span!.attributes).toMatchObject({ 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.response.model': 'gpt-4o-mini-2024-08-06', 'gen_ai.usage.input_tokens': 1200 });
    expect(routingAttrs(span!)).toEqual({ 'tierlens.routing.rule_id': 'r1', 'tierlens.routing.mode': 'enforce', 'tierlens.routing.original_model': 'gpt-4o' });
  });

  it('sends the rule’s model (Anthropic), matching dated spellings case-insensitively and the provider', async () => {
    start({
      mode: 'enforce',
      policy: policy(rule({ id: 'ra', when: { queryType: 'summarization', feature: 'digest', provider: 'anthropic', models: ['claude-opus-4-6', 'claude-opus-4-6-20260205'] }, use: { model: 'claude-haiku-4-5', provider: 'anthropic' } })),
    });
    const client = wrapAnthropic(anthropic(), { feature: 'digest' });
    const msg = await withTierlens({ queryType: 'summarization' }, () => client.messages.create({ model: 'Claude-Opus-4-6-20260205', max_tokens: 50, messages: ask }));
    expect(msg.model).toBe('claude-haiku-4-5-20250101');
    expect(sentModels()).toEqual(['claude-haiku-4-5']);
    // Another feature is not matched.
    await withTierlens({ queryType: 'summarization', feature: 'chat' }, () => client.messages.create({ model: 'claude-opus-4-6', max_tokens: 50, messages: ask }));
    expect(sentModels()).toEqual(['claude-haiku-4-5', 'claude-opus-4-6']);
    const [routed, untouched] = await t.getSpans();
    expect(routingAttrs(routed!)).toMatchObject({ 'tierlens.routing.rule_id': 'ra', 'tierlens.routing.original_model': 'Claude-Opus-4-6-20260205' });
    expect(routingAttrs(untouched!)).toEqual({});
  });

  it('never routes a call without a query type; tools make it agentic; the local classifier decides when given', async () => {
    const agentic = rule({ id: 'r-agentic', when: { queryType: 'agentic', feature: null, provider: 'openai', models: ['gpt-4o'] }, use: { model: 'gpt-4.1-mini', provider: 'openai' } });
    start({ mode: 'enforce', policy: policy(rule({ id: 'r1' }), agentic) });
    const client = wrapOpenAI(openai());
    await client.chat.completions.create({ model: 'gpt-4o', messages: ask });
    await client.chat.completions.create({ model: 'gpt-4o', messages: ask, tools });
    expect(sentModels()).toEqual(['gpt-4o', 'gpt-4.1-mini']);

    provider.requests.length = 0;
    const seen: string[] = [];
    start({ mode: 'enforce', policy: policy(rule({ id: 'r1' })) }, { classify: (text) => (seen.push(text), { queryType: text.includes('function') ? 'coding' : 'general_chat', confidence: 0.9 }) });
    const classified = wrapOpenAI(openai());
    await classified.chat.completions.create({ model: 'gpt-4o', messages: ask });
    await classified.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello there' }] });
    await classified.chat.completions.create({ model: 'gpt-3.5-turbo', messages: ask });
    expect(sentModels()).toEqual(['gpt-4o-mini', 'gpt-4o', 'gpt-3.5-turbo']);
    const spans = await t.getSpans();
    // Classified once per call: the router's answer is reused for the span.
    expect(seen).toHaveLength(3);
    expect(spans.map((s) => s.attributes['tierlens.query_type'])).toEqual(['coding', 'general_chat', 'coding']);
  });
});

describe('routing: canary', () => {
  // Trace ids come from the app's active trace, which needs a context manager (any traced app has one).
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => void context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    manager.disable();
    context.disable();
  });

  it('routes the share picked from the trace id, deterministically, and tags the rest as control', async () => {
    start({ mode: 'enforce', policy: policy(rule({ id: 'r-canary', mode: 'canary', canaryShare: 0.3 })) });
    const client = wrapOpenAI(openai());
    const traceIds = Array.from({ length: 40 }, (_, i) => (i + 1).toString(16).padStart(8, '0').repeat(4));
    for (const id of [...traceIds, ...traceIds.slice(0, 10)]) {
      await inTrace(id, () => withTierlens({ queryType: 'coding' }, () => client.chat.completions.create({ model: 'gpt-4o', messages: ask })));
    }
    const spans = await t.getSpans();
    const expected = [...traceIds, ...traceIds.slice(0, 10)].map((id) => inCanary(id, 'r-canary', 0.3));
    expect(sentModels()).toEqual(expected.map((routed) => (routed ? 'gpt-4o-mini' : 'gpt-4o')));
    const routed = spans.filter((s) => s.attributes['tierlens.routing.original_model'] === 'gpt-4o');
    const control = spans.filter((s) => s.attributes['tierlens.routing.control'] === true);
    expect(routed.length + control.length).toBe(50);
    expect(routed.length).toBe(expected.filter(Boolean).length);
    expect(routed.length).toBeGreaterThan(3);
    expect(control.length).toBeGreaterThan(20);
    for (const s of [...routed, ...control]) expect(s.attributes['tierlens.routing.mode']).toBe('canary');
    for (const s of control) expect(s.attributes).toMatchObject({ 'gen_ai.request.model': 'gpt-4o', 'tierlens.routing.would_use': 'gpt-4o-mini' });
    for (const s of spans) expect(inCanary(s.spanContext().traceId, 'r-canary', 0.3)).toBe(s.attributes['tierlens.routing.control'] !== true);
  });

  it('splits close to the share over many trace ids, and differently per rule', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `${i.toString(16).padStart(16, '0')}${(i * 2654435761 >>> 0).toString(16).padStart(16, '0')}`);
    const share = ids.filter((id) => inCanary(id, 'rule-a', 0.25)).length / ids.length;
    expect(share).toBeGreaterThan(0.235);
    expect(share).toBeLessThan(0.265);
    const both = ids.filter((id) => inCanary(id, 'rule-a', 0.5) && inCanary(id, 'rule-b', 0.5)).length / ids.length;
    expect(both).toBeGreaterThan(0.23);
    expect(both).toBeLessThan(0.27);
  });
});

describe('routing: across providers', () => {
  const toMistral = rule({ id: 'r-x', use: { model: 'mistral-small-latest', provider: 'mistral_ai' } });

  it('skips a rule whose target is another provider when the app gave no client for it, and says why', async () => {
    start({ mode: 'enforce', policy: policy(toMistral) });
    await withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask }));
    expect(sentModels()).toEqual(['gpt-4o']);
    expect(routingAttrs((await t.getSpans())[0]!)).toEqual({
      'tierlens.routing.rule_id': 'r-x',
      'tierlens.routing.mode': 'enforce',
      'tierlens.routing.would_use': 'mistral-small-latest',
      'tierlens.routing.skipped': 'no_client:mistral_ai',
    });
  });

  it('sends it through the app’s client for that provider, recorded once with the provider called', async () => {
    const mistral = wrapOpenAI(new OpenAI({ baseURL: `${other.url}/v1`, apiKey: 'mistral-key', maxRetries: 0 }));
    start({ mode: 'enforce', policy: policy(toMistral), clients: { mistral_ai: mistral } });
    const res = await withTierlens({ queryType: 'coding' }, () =>
      wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask }, { headers: { 'x-app': 'kept' } }),
    );
    expect(res.model).toBe('mistral-small-latest-2024-08-06');
    expect(sentModels()).toEqual([]);
    expect(sentModels(other)).toEqual(['mistral-small-latest']);
    expect(other.requests[0]!.headers['x-app']).toBe('kept');
    expect(other.requests[0]!.headers.authorization).toBe('Bearer mistral-key');
    const spans = await t.getSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]!.attributes).toMatchObject({ 'gen_ai.provider.name': 'mistral_ai', 'gen_ai.request.model': 'mistral-small-latest', 'tierlens.routing.original_model': 'gpt-4o' });
  });

  it('skips when the other provider’s client lacks the wrapped API (Anthropic messages → an OpenAI client)', async () => {
    start({
      mode: 'enforce',
      policy: policy(rule({ id: 'r-a2o', when: { queryType: 'coding', feature: null, provider: 'anthropic', models: ['claude-opus-4-6'] }, use: { model: 'gpt-4.1', provider: 'openai' } })),
      clients: { openai: openai() },
    });
    await withTierlens({ queryType: 'coding' }, () => wrapAnthropic(anthropic()).messages.create({ model: 'claude-opus-4-6', max_tokens: 10, messages: ask }));
    expect(sentModels()).toEqual(['claude-opus-4-6']);
    expect((await t.getSpans())[0]!.attributes['tierlens.routing.skipped']).toBe('client_lacks:messages.create');
  });
});

describe('routing: streams, .withResponse() and errors behave as without routing', () => {
  it('OpenAI stream: the same chunks as an unwrapped call to the target model', async () => {
    const plain = await collect(await openai().chat.completions.create({ model: 'gpt-4o-mini', messages: ask, stream: true }));
    start({ mode: 'enforce', policy: policy(rule({ id: 'r1' })) });
    const stream = await withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask, stream: true }));
    expect(typeof stream.toReadableStream).toBe('function');
    const chunks = await collect(stream);
    expect(chunks).toEqual(plain);
    const [span] = await t.getSpans();
    expect(span!.attributes).toMatchObject({ 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.usage.output_tokens': 300, 'tierlens.routing.original_model': 'gpt-4o' });
  });

  it('Anthropic stream and messages.stream(): the same events as an unwrapped call to the target model', async () => {
    const target = { when: { queryType: 'coding', feature: null, provider: null, models: ['claude-opus-4-6'] }, use: { model: 'claude-haiku-4-5', provider: null } };
    const plain = await collect(await anthropic().messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages: ask, stream: true }));
    start({ mode: 'enforce', policy: policy(rule({ id: 'r-an', ...target })) });
    const client = wrapAnthropic(anthropic());
    const events = await withTierlens({ queryType: 'coding' }, async () => collect(await client.messages.create({ model: 'claude-opus-4-6', max_tokens: 10, messages: ask, stream: true })));
    expect(events).toEqual(plain);
    const final = await withTierlens({ queryType: 'coding' }, () => client.messages.stream({ model: 'claude-opus-4-6', max_tokens: 10, messages: ask }).finalMessage());
    expect(final.model).toBe('claude-haiku-4-5-20250101');
    expect(sentModels()).toEqual(['claude-haiku-4-5', 'claude-haiku-4-5', 'claude-haiku-4-5']);
    expect((await t.getSpans()).map((s) => s.attributes['tierlens.routing.original_model'])).toEqual(['claude-opus-4-6', 'claude-opus-4-6']);
  });

  it('.withResponse() returns the data and the raw response; the promise is the client’s own', async () => {
    start({ mode: 'enforce', policy: policy(rule({ id: 'r1' })) });
    const promise = withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask }));
    expect(promise.constructor.name).toBe('APIPromise');
    const { data, response } = await promise.withResponse();
    expect(data.model).toBe('gpt-4o-mini-2024-08-06');
    expect(response.status).toBe(200);
    expect((await t.getSpans())[0]!.attributes['gen_ai.usage.input_tokens']).toBe(1200);
  });

  it('an error from the routed model is the client’s own error, rethrown unchanged', async () => {
    start({ mode: 'enforce', policy: policy(rule({ id: 'r-fail', use: { model: 'fail-429', provider: null } })) });
    const error = await withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const [span] = await t.getSpans();
    expect(span!.attributes).toMatchObject({ 'error.type': 'RateLimitError', 'http.response.status_code': 429, 'tierlens.routing.original_model': 'gpt-4o' });
  });
});

describe('routing: the policy from the ingest', () => {
  let server: Server;
  let url: string;
  let state: { status: number; body: unknown; etag: string; delayMs: number; requests: Array<{ auth?: string; ifNoneMatch?: string }> };

  beforeAll(async () => {
    state = { status: 200, body: policy(), etag: '"v1"', delayMs: 0, requests: [] };
    server = createServer((req, res) => {
      state.requests.push({ auth: req.headers.authorization, ifNoneMatch: req.headers['if-none-match'] as string | undefined });
      setTimeout(() => {
        if (state.status === 200 && req.headers['if-none-match'] === state.etag) return void res.writeHead(304).end();
        res.writeHead(state.status, { 'content-type': 'application/json', etag: state.etag }).end(JSON.stringify(state.body));
      }, state.delayMs);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const call = () => withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask }));
  const nextRequest = async (n: number) => {
    while (state.requests.length < n) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 30));
  };

  it('fetches with the API key, refreshes with If-None-Match, and keeps the last good policy when a fetch fails', async () => {
    state = { ...state, status: 200, body: policy(rule({ id: 'r1' })), etag: '"v1"', requests: [] };
    const errors: string[] = [];
    // The policy request carries the export's Authorization header (the API key, or as here one set by hand).
    t = initTesting({ headers: { Authorization: 'Bearer tl_key' }, routing: { mode: 'enforce', refreshSeconds: 0.1, url: `${url}/v1/routing-policy` }, onError: (_e, where) => errors.push(where) });
    await nextRequest(1);
    expect(state.requests[0]!.auth).toBe('Bearer tl_key');
    await call();
    expect(sentModels()).toEqual(['gpt-4o-mini']);
    await nextRequest(state.requests.length + 1);
    expect(state.requests.at(-1)!.ifNoneMatch).toBe('"v1"');

    state.status = 500;
    const failedAt = state.requests.length;
    await nextRequest(failedAt + 2);
    await call();
    expect(sentModels()).toEqual(['gpt-4o-mini', 'gpt-4o-mini']);
    expect(errors).toContain('routing policy refresh');

    state = { ...state, status: 200, body: policy(rule({ id: 'r2', use: { model: 'gpt-4.1-nano', provider: null } })), etag: '"v2"' };
    await nextRequest(state.requests.length + 2);
    await call();
    expect(sentModels().at(-1)).toBe('gpt-4.1-nano');
    await t.tierlens.shutdown();
  });

  it('never makes a call wait for the policy: calls before it arrives go out unchanged', async () => {
    state = { ...state, status: 200, body: policy(rule({ id: 'r1' })), etag: '"v1"', delayMs: 1500, requests: [] };
    t = initTesting({ headers: { Authorization: 'Bearer tl_key' }, routing: { mode: 'enforce', url: `${url}/v1/routing-policy` } });
    const started = performance.now();
    await call();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sentModels()).toEqual(['gpt-4o']);
    state.delayMs = 0;
    await t.tierlens.shutdown();
  });

  it('a dead policy endpoint changes nothing and throws nothing', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/v1/routing-policy`;
    await new Promise<void>((r) => dead.close(() => r()));
    const errors: unknown[] = [];
    t = initTesting({ headers: { Authorization: 'Bearer tl_key' }, routing: { mode: 'enforce', refreshSeconds: 0.05, url: deadUrl }, onError: (e) => errors.push(e) });
    for (let i = 0; i < 5; i++) {
      await call();
      await new Promise((r) => setTimeout(r, 30));
    }
    const stream = await withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask, stream: true }));
    expect((await collect(stream)).length).toBeGreaterThan(0);
    expect(sentModels()).toEqual(Array(6).fill('gpt-4o'));
    const spans = await t.getSpans();
    expect(spans).toHaveLength(6);
    for (const s of spans) expect(routingAttrs(s)).toEqual({});
    expect(errors.length).toBeGreaterThan(0);
    await t.tierlens.shutdown();
  });

  it('an invalid static policy turns routing off with a reported error, never a thrown one', async () => {
    const errors: string[] = [];
    t = initTesting({ routing: { mode: 'enforce', policy: { kind: 'tierlens.routing-policy', version: 2, rules: [] } }, onError: (_e, where) => errors.push(where) });
    await call();
    expect(sentModels()).toEqual(['gpt-4o']);
    expect(errors).toEqual(['routing policy']);
  });
});

describe('routing: the analyzer’s policy', () => {
  it('every policy the analyzer writes is one the SDK applies', async () => {
    const written = exportTierlensPolicy([
      ZRoutingRule.parse({ id: 'a', queryType: 'coding', feature: null, fromModel: 'gpt-4o', fromModelAliases: ['gpt-4o-2024-08-06'], fromProvider: 'openai', toModel: 'gpt-4o-mini', toProvider: 'openai', mode: 'enforce' }),
      ZRoutingRule.parse({ id: 'b', queryType: 'math', feature: null, fromModel: 'gpt-4o', toModel: 'o4-mini', mode: 'canary', canaryShare: 0.5 }),
    ]);
    start({ mode: 'enforce', policy: JSON.parse(JSON.stringify(written)) as Record<string, unknown> });
    await withTierlens({ queryType: 'coding' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: ask }));
    await withTierlens({ queryType: 'math' }, () => wrapOpenAI(openai()).chat.completions.create({ model: 'gpt-4o', messages: ask }));
    expect(sentModels()[0]).toBe('gpt-4o-mini');
    const [, math] = await t.getSpans();
    expect(math!.attributes['tierlens.routing.mode']).toBe('canary');
  });
});

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}
