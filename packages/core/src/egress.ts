// Egress policy: https only and no private, loopback or link-local targets unless allowed.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, BlockList } from 'node:net';

export interface EgressPolicy {
  allowHttp: boolean;
  allowPrivateNetworks: boolean;
  /** Absolute folder under which streams from the management API may write files; none when unset. */
  fileRoot?: string | undefined;
}

export class EgressError extends Error {
  override readonly name = 'EgressError';
  readonly code = 'EGRESS_REFUSED';
}

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) privateRanges.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6 && address.toLowerCase().startsWith('::ffff:')) return isPrivateAddress(address.slice(7));
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export interface EgressGuard {
  readonly policy: EgressPolicy;
  /** Throws EgressError when the URL's scheme or literal address is not allowed. */
  checkUrl(url: string): void;
  /** A `lookup` for http agents/sockets that refuses private addresses after DNS (rebinding). */
  lookup: (hostname: string, options: object, callback: LookupCallback) => void;
}

/** A DNS lookup in the shape of `dns.lookup` with `{all: true}` (injectable for tests). */
export type DnsLookup = (hostname: string, options: { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemLookup: DnsLookup = (hostname, options, callback) => dnsLookup(hostname, options, callback);

export function createEgressGuard(policy: EgressPolicy, resolve: DnsLookup = systemLookup): EgressGuard {
  const checkUrl = (raw: string) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new EgressError(`"${raw}" is not a valid URL.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
      throw new EgressError(
        url.protocol === 'http:'
          ? `Plain http:// destinations are refused (${url.host}); use https:// or set egress.allowHttp.`
          : `Unsupported URL scheme ${url.protocol} (${url.host}).`,
      );
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!policy.allowPrivateNetworks && (isPrivateAddress(host) || host === 'localhost' || host.endsWith('.localhost'))) {
      throw new EgressError(`Destination ${url.host} is a private, loopback or link-local address; set egress.allowPrivateNetworks to allow it.`);
    }
  };
  const lookup = (hostname: string, options: object, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses;
      if (!policy.allowPrivateNetworks) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad) {
          return callback(
            Object.assign(new EgressError(`Destination ${hostname} resolves to private address ${bad.address}; set egress.allowPrivateNetworks to allow it.`), { errno: 0 }),
            '',
          );
        }
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}.`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
  return { policy, checkUrl, lookup };
}
