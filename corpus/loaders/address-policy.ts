import dns from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { UserError } from '../../core/errors.js';

/** An address that passed the checks, to connect to and nothing else. */
export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

/**
 * Why an IP address must not be fetched from, or undefined when it is public unicast. Everything
 * ipaddr.js does not class as plain `unicast` is refused: loopback, private, link-local (cloud
 * metadata), unique-local, unspecified, carrier-grade NAT, reserved, multicast, broadcast, and the
 * IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo).
 */
export function addressRefusal(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/%.*$/, ''));
  } catch {
    return `${address} is not an IP address`;
  }
  const normal = parsed.toNormalizedString();
  if (METADATA_ADDRESSES.has(address) || METADATA_ADDRESSES.has(normal)) return `${address} is a cloud metadata address`;
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return `${address} is an IPv4-mapped IPv6 address`;
  }
  const range = parsed.range();
  return range === 'unicast' ? undefined : `${address} is a ${range} address, not a public one`;
}

/**
 * Resolves a URL's host (all addresses) and refuses it with URL_FORBIDDEN when any address is not
 * public, unless the host or the address is in `allowHosts`. Returns the address to connect to.
 */
export async function checkHost(url: URL, allowHosts: readonly string[] = []): Promise<CheckedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
    } catch {
      throw new UserError('URL_FAILED', { url: url.href, reason: `the host name "${host}" does not resolve` });
    }
  }
  if (addresses.length === 0) {
    throw new UserError('URL_FAILED', { url: url.href, reason: `the host name "${host}" does not resolve` });
  }
  const hostAllowed = allowHosts.includes(host);
  for (const { address } of addresses) {
    if (hostAllowed || allowHosts.includes(address)) continue;
    const refusal = addressRefusal(address);
    if (refusal) {
      const reason = address === host ? refusal : `${host} resolves to ${refusal}`;
      throw new UserError('URL_FORBIDDEN', { url: url.href, reason });
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
