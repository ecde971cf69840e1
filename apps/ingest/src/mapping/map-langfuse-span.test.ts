import { describe, expect, it } from 'vitest';
import type { CanonicalCall, MapResult } from './canonical-call.ts';
import { mapLangfuseSpan } from './map-langfuse-span.ts';
import { makeSpan } from './test-support/make-span.ts';

function call(result: MapResult): CanonicalCall {
  if (result.kind !== 'call') throw new Error(`expected a call, got ${result.kind}: ${result.reason}`);
  return result.call;
}

describe('mapLangfuseSpan', () => {
  it('adds cache and reasoning back to usage_details input/output (observed: 1000+200 → 1200, 200+100 → 300)', () => {
    const c = call(
      mapLangfuseSpan(
        makeSpan({
          name: 'OpenAI-generation',
          scopeName: 'langfuse-sdk',
          attributes: {
            'langfuse.observation.type': 'generation',
            'langfuse.observation.model.name': 'gpt-4o',
            'langfuse.observation.usage_details': '{"input":1000,"output":200,"input_cached_tokens":200,"output_reasoning_tokens":100}',
            'langfuse.observation.cost_details': '{"input":0.0025,"output":0.003,"input_cached_tokens":0.00025,"total":0.00575}',
            'langfuse.observation.completion_start_time': '"2026-01-01T00:00:00.420Z"',
            'langfuse.observation.input': '[{"role":"system","content":"Classify sentiment."},{"role":"user","content":"I love it"}]',
            'langfuse.observation.output': '{"role":"assistant","content":"positive"}',
            'langfuse.observation.model.parameters': '{"temperature":0}',
            'langfuse.environment': 'production',
            'user.id': 'u-1',
            'session.id': 's-1',
          },
        }),
      ),
    );
    expect(c).toMatchObject({
      convention: 'langfuse',
      requestModel: 'gpt-4o',
      inputTokens: 1200,
      cacheReadTokens: 200,
      outputTokens: 300,
      reasoningTokens: 100,
      reportedCostUsd: '0.00575',
      timeToFirstTokenMs: 420,
      promptText: 'Classify sentiment.\n\nI love it',
      completionText: 'positive',
      environment: 'production',
      endUserId: 'u-1',
    });
  });

  it('counts cache writes too (Anthropic spelling), which Langfuse itself misses', () => {
    const c = call(
      mapLangfuseSpan(
        makeSpan({
          attributes: {
            'langfuse.observation.type': 'generation',
            'langfuse.observation.model.name': 'claude-sonnet-4-5',
            'langfuse.observation.usage_details':
              '{"input":900,"output":300,"cache_read_input_tokens":200,"cache_creation_input_tokens":100}',
          },
        }),
      ),
    );
    expect(c).toMatchObject({ inputTokens: 1200, cacheReadTokens: 200, cacheWriteTokens: 100, outputTokens: 300 });
  });

  it('treats raw provider usage keys by provider: OpenAI prompt_tokens includes the cache', () => {
    const c = call(
      mapLangfuseSpan(
        makeSpan({
          attributes: {
            'langfuse.observation.type': 'generation',
            'langfuse.observation.model.name': 'gpt-4o-mini',
            'langfuse.observation.usage_details': '{"prompt_tokens":1200,"completion_tokens":300,"total_tokens":1500}',
          },
        }),
      ),
    );
    expect(c).toMatchObject({ inputTokens: 1200, outputTokens: 300 });
  });

  it('falls back to gen_ai.usage.*, sums cost_details without total, and marks level ERROR', () => {
    const c = call(
      mapLangfuseSpan(
        makeSpan({
          attributes: {
            'langfuse.observation.type': 'generation',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.usage.input_tokens': 50,
            'gen_ai.usage.output_tokens': 5,
            'langfuse.observation.cost_details': '{"input":0.1,"output":0.2}',
            'langfuse.observation.level': 'ERROR',
            'langfuse.observation.status_message': 'timeout',
          },
        }),
      ),
    );
    expect(c).toMatchObject({ inputTokens: 50, outputTokens: 5, reportedCostUsd: '0.3', status: 'error', errorType: '_OTHER' });
  });

  it('skips non-generation observations and rejects a generation without a model', () => {
    expect(mapLangfuseSpan(makeSpan({ attributes: { 'langfuse.observation.type': 'agent' } })).kind).toBe('skip');
    expect(mapLangfuseSpan(makeSpan({ attributes: { 'langfuse.observation.type': 'tool' } })).kind).toBe('skip');
    expect(
      mapLangfuseSpan(makeSpan({ attributes: { 'langfuse.observation.type': 'generation', 'langfuse.observation.usage_details': '{"input":1}' } })),
    ).toMatchObject({ kind: 'reject' });
  });

  it('rejects negative usage_details', () => {
    expect(
      mapLangfuseSpan(
        makeSpan({
          attributes: {
            'langfuse.observation.type': 'generation',
            'langfuse.observation.model.name': 'gpt-4o',
            'langfuse.observation.usage_details': '{"input":-5,"output":1}',
          },
        }),
      ),
    ).toEqual({ kind: 'reject', reason: 'negative token count in langfuse.observation.usage_details.input' });
  });
});
