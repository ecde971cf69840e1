import { describe, expect, it } from 'vitest';
import { trustedOrigins } from './create-auth.ts';

describe('trustedOrigins', () => {
  it('trusts localhost and 127.0.0.1 for each other, and configured origins', () => {
    expect(trustedOrigins('http://localhost:3000/', [])).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(trustedOrigins('http://127.0.0.1:3000', ['https://tierlens.example.com/x'])).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000', 'https://tierlens.example.com']);
    expect(trustedOrigins('https://tierlens.example.com', [])).toEqual(['https://tierlens.example.com']);
  });
});
