import { describe, expect, it } from 'vitest';
import { initTesting } from './testing/index.js';
import { shutdown } from './init.js';
import { wrapOpenAI } from './wrap-openai.js';

/** A minimal client with the shape the wrapper looks for, a `#private` field and a frozen property. */
class FakeClient {
  #secret = 'ok';
  baseURL = 'https://api.example.com/v1';
  chat = { completions: { create: (params: { model: string }) => Promise.resolve({ id: 'x', model: params.model }) } };
  secret(): string {
    return this.#secret;
  }
}

describe('wrapClient', () => {
  it('keeps private-field methods, constructor and frozen properties working', async () => {
    const t = initTesting();
    const raw = new FakeClient();
    Object.defineProperty(raw, 'frozen', { value: { a: 1 }, writable: false, configurable: false, enumerable: true });
    const wrapped = wrapOpenAI(raw);
    expect(wrapped.secret()).toBe('ok');
    expect(wrapped.constructor).toBe(FakeClient);
    expect(wrapped).toBeInstanceOf(FakeClient);
    expect((wrapped as unknown as { frozen: unknown }).frozen).toBe((raw as unknown as { frozen: unknown }).frozen);
    expect(wrapped.chat).toBe(wrapped.chat);
    // A client whose promises are not Stainless APIPromises: passed through, recorded without usage.
    const result = await wrapped.chat.completions.create({ model: 'm' });
    expect(result).toEqual({ id: 'x', model: 'm' });
    const [span] = await t.getSpans();
    expect(span?.attributes['tierlens.usage.missing']).toBe(true);
    expect(span?.attributes['server.address']).toBe('api.example.com');
    expect(span?.attributes['server.port']).toBe(443);
    await shutdown();
  });

  it('re-wrapping a wrapped client wraps the original once, with the new options', async () => {
    const t = initTesting();
    const twice = wrapOpenAI(wrapOpenAI(new FakeClient(), { feature: 'a' }), { feature: 'b' });
    await twice.chat.completions.create({ model: 'm' });
    const spans = await t.getSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes['tierlens.feature']).toBe('b');
    await shutdown();
  });
});
