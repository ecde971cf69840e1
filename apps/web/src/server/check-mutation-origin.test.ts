import { describe, expect, it } from 'vitest';
import { checkMutationOrigin } from './check-mutation-origin';

const trusted = ['http://localhost:3000', 'http://127.0.0.1:3000'];
const req = (method: string, origin?: string) => new Request('http://localhost:3000/api/trpc/apiKeys.create', { method, headers: origin ? { origin } : {} });

describe('checkMutationOrigin', () => {
  it('lets reads through whatever their origin', () => {
    expect(checkMutationOrigin(req('GET', 'http://evil.example'), trusted)).toBeNull();
    expect(checkMutationOrigin(req('HEAD'), trusted)).toBeNull();
  });

  it('lets a mutation from a trusted origin through', () => {
    expect(checkMutationOrigin(req('POST', 'http://localhost:3000'), trusted)).toBeNull();
    expect(checkMutationOrigin(req('POST', 'http://127.0.0.1:3000'), trusted)).toBeNull();
  });

  it('refuses a mutation from another origin, an opaque one or none, with 403', async () => {
    for (const origin of ['http://evil.example', 'http://localhost:3001', 'https://localhost:3000', 'null', undefined]) {
      const res = checkMutationOrigin(req('POST', origin), trusted);
      expect(res?.status, String(origin)).toBe(403);
      expect(((await res!.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
  });
});
