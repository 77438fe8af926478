// Egress policy: https only and no private, loopback or link-local targets unless allowed, checked on URLs, DNS answers and sockets.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BRANDS, brandOf, setBrand } from './brands.js';
import { isLocalHostname, normalizeHostname, refusedAddressRange } from './egress-address.js';

export { isPrivateAddress, refusedAddressRange, isLocalHostname } from './egress-address.js';

export interface EgressPolicy {
  allowHttp: boolean;
  allowPrivateNetworks: boolean;
  /** Absolute folder under which streams from the management API may write files; none when unset. */
  fileRoot?: string | undefined;
}

export const EGRESS_REFUSED = 'EGRESS_REFUSED';

export class EgressError extends Error {
  override readonly name = 'EgressError';
  readonly code = EGRESS_REFUSED;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    setBrand(this, BRANDS.egressError);
  }
}

/** An EgressError from any copy of @outflow/core. */
export function isEgressError(value: unknown): value is EgressError {
  return brandOf(value, BRANDS.egressError) === true;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export interface EgressGuard {
  readonly policy: EgressPolicy;
  /** Throws EgressError when the URL's scheme, literal address or local host name is not allowed. */
  checkUrl(url: string): void;
  /**
   * Throws EgressError when a connection to `address` (a socket's remote address) is not
   * allowed; `host` only names the destination in the message. The authoritative check.
   */
  checkAddress(address: string | undefined, host?: string): void;
  /** A `lookup` for http agents/sockets that refuses private addresses after DNS (rebinding). */
  lookup: (hostname: string, options: object, callback: LookupCallback) => void;
}

/** A DNS lookup in the shape of `dns.lookup` with `{all: true}` (injectable for tests). */
export type DnsLookup = (hostname: string, options: { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemLookup: DnsLookup = (hostname, options, callback) => dnsLookup(hostname, options, callback);

const ALLOW_HINT = 'set egress.allowPrivateNetworks to allow it';

function refused(message: string): EgressError {
  // errno 0 keeps node's lookup plumbing from treating it as a DNS failure code.
  return Object.assign(new EgressError(message), { errno: 0 });
}

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
    if (policy.allowPrivateNetworks) return;
    // WHATWG URL already wrote decimal, octal, hex and short IPv4 forms as dotted quads.
    const range = refusedAddressRange(url.hostname);
    if (range) throw new EgressError(`Destination ${url.host} is a private, loopback or link-local address (${range}); ${ALLOW_HINT}.`);
    if (isLocalHostname(url.hostname)) throw new EgressError(`Destination ${url.host} is a localhost name (loopback); ${ALLOW_HINT}.`);
  };

  const checkAddress = (address: string | undefined, host?: string) => {
    if (policy.allowPrivateNetworks) return;
    const named = host && normalizeHostname(host) !== address ? `${host} (${address ?? 'no address'})` : (address ?? 'no address');
    // A socket without an IP peer (unix socket, not yet connected) cannot be judged: refuse.
    if (!address) throw refused(`Connection to ${named} refused: the peer address is unknown; ${ALLOW_HINT}.`);
    const range = refusedAddressRange(address);
    if (range) throw refused(`Connection to ${named} refused: private address ${address} (${range}); ${ALLOW_HINT}.`);
  };

  const lookup = (hostname: string, options: object, callback: LookupCallback) => {
    if (!policy.allowPrivateNetworks && isLocalHostname(hostname)) {
      return callback(
        refused(`Destination ${hostname} is a localhost name, which resolves to private address 127.0.0.1 or ::1 (loopback); ${ALLOW_HINT}.`),
        '',
      );
    }
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses;
      if (!policy.allowPrivateNetworks) {
        for (const a of list) {
          const range = refusedAddressRange(a.address);
          if (range) return callback(refused(`Destination ${hostname} resolves to private address ${a.address} (${range}); ${ALLOW_HINT}.`), '');
        }
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}.`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
  return { policy, checkUrl, checkAddress, lookup };
}
