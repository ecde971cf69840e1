// @ts-check
import { BlockList, isIP } from 'node:net';

/**
 * Parses `TIERLENS_TRUSTED_PROXIES`: comma-separated addresses or CIDR ranges of the reverse
 * proxies in front of the dashboard. Empty (the default) trusts none, so `X-Forwarded-For` is
 * ignored and the connecting address is the client's. Throws on an entry that is neither.
 * @param {string | undefined} value
 * @returns {BlockList | null}
 */
export function parseTrustedProxies(value) {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || rest.length || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32) || (prefix !== undefined && !/^\d+$/.test(prefix))) {
      throw new Error(`TIERLENS_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)`);
    }
    list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/**
 * An address without the IPv4-mapped IPv6 prefix (`::ffff:127.0.0.1` → `127.0.0.1`), or null
 * when it is not an IP address.
 * @param {string | undefined} address
 * @returns {string | null}
 */
export function normalizeAddress(address) {
  if (!address) return null;
  const a = address.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped && isIP(mapped[1] ?? '') === 4) return mapped[1] ?? null;
  return isIP(a) ? a.toLowerCase() : null;
}

/**
 * @param {BlockList} list
 * @param {string} address
 */
function trusted(list, address) {
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address for a request that arrived from `peer` carrying `forwardedFor`
 * (`X-Forwarded-For`). Only a trusted proxy's word counts: unless the peer is one, the header is
 * ignored; if it is, the chain is walked from the right past trusted proxies, and the first
 * address not a trusted proxy is the client (a proxy appends the address it was reached from, so
 * everything left of the first untrusted hop could be made up).
 * @param {string | undefined} peer the socket's remote address
 * @param {string | string[] | undefined} forwardedFor
 * @param {BlockList | null} trustedProxies
 * @returns {string | null}
 */
export function clientAddress(peer, forwardedFor, trustedProxies) {
  let client = normalizeAddress(peer);
  if (!client || !trustedProxies || !trusted(trustedProxies, client)) return client;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    // A hop that is not an address: the trusted proxy to its right is the last one we can believe.
    if (!hop) return client;
    client = hop;
    if (!trusted(trustedProxies, hop)) return hop;
  }
  return client;
}
