import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, parseTrustedProxies } from './client-address.mjs';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted (the default)', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', parseTrustedProxies(''))).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '1.2.3.4', parseTrustedProxies(undefined))).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', parseTrustedProxies('10.0.0.0/8'))).toBe('203.0.113.7');
  });

  it('believes a trusted proxy, walking the chain from the right past trusted hops', () => {
    const proxies = parseTrustedProxies('10.0.0.0/8, 192.0.2.10');
    expect(clientAddress('10.1.2.3', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // The leftmost entry is whatever the client sent; the proxy appended the real one.
    expect(clientAddress('10.1.2.3', '6.6.6.6, 198.51.100.1, 192.0.2.10', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:10.1.2.3', ['6.6.6.6', '198.51.100.1'], proxies)).toBe('198.51.100.1');
  });

  it('stops at a hop that is not an address, and at the proxy itself when the header is absent', () => {
    const proxies = parseTrustedProxies('127.0.0.1');
    expect(clientAddress('127.0.0.1', 'garbage', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
  });

  it('handles IPv6 ranges', () => {
    const proxies = parseTrustedProxies('fd00::/8,::1');
    expect(clientAddress('::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
    expect(normalizeAddress('[2001:DB8::5]')).toBe('2001:db8::5');
  });

  it('refuses a setting that is not addresses or ranges', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/not an IP address or CIDR range/);
    expect(() => parseTrustedProxies('proxy.internal')).toThrow(/proxy\.internal/);
    expect(() => parseTrustedProxies('10.0.0.0/x')).toThrow();
  });
});
