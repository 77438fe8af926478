// Address classification for the egress policy (ipaddr.js): which IPs and host names count as not public.
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The IPv4 address carried in the low 32 bits of an IPv6 address. */
function low32(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const p = ip.parts;
  return ipaddr.fromByteArray([p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff]) as ipaddr.IPv4;
}

/** The IPv4 address in bits 16..47 (6to4 `2002:AABB:CCDD::/48`). */
function sixToFourV4(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const p = ip.parts;
  return ipaddr.fromByteArray([p[1]! >> 8, p[1]! & 0xff, p[2]! >> 8, p[2]! & 0xff]) as ipaddr.IPv4;
}

/** Teredo (`2001:0::/32`): the server's IPv4 in bits 32..63 and the client's, inverted, in the low 32 bits. */
function teredoV4s(ip: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = ip.parts;
  const server = ipaddr.fromByteArray([p[2]! >> 8, p[2]! & 0xff, p[3]! >> 8, p[3]! & 0xff]) as ipaddr.IPv4;
  const client = ipaddr.fromByteArray(low32(ip).octets.map((o) => ~o & 0xff)) as ipaddr.IPv4;
  return [server, client];
}

const isIpv4Compatible = (ip: ipaddr.IPv6) => ip.parts.slice(0, 6).every((part) => part === 0);
const isNat64WellKnown = (ip: ipaddr.IPv6) => ip.parts[0] === 0x64 && ip.parts[1] === 0xff9b && ip.parts.slice(2, 6).every((part) => part === 0);

/**
 * Why `ip` is not a public destination (its range, and the embedded IPv4 address it unwraps
 * to), or undefined when it is public unicast. IPv6 forms that carry an IPv4 address
 * (mapped, compatible, NAT64 `64:ff9b::/96`, 6to4, Teredo) are judged by that address.
 */
function refusal(ip: Address): string | undefined {
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.zoneId) return 'scoped (zone id)';
    const range = v6.range();
    const embedded =
      range === 'ipv4Mapped' || range === 'rfc6145'
        ? [low32(v6)]
        : range === 'rfc6052' && isNat64WellKnown(v6)
          ? [low32(v6)]
          : range === '6to4'
            ? [sixToFourV4(v6)]
            : range === 'teredo'
              ? teredoV4s(v6)
              : range === 'unicast' && isIpv4Compatible(v6)
                ? [low32(v6)]
                : undefined;
    if (embedded) {
      for (const v4 of embedded) {
        const inner = refusal(v4);
        if (inner) return `${inner}: ${v4.toString()} inside ${range === 'unicast' ? 'IPv4-compatible' : range}`;
      }
      return undefined;
    }
    // Everything else that is not global unicast, including 64:ff9b:1::/48 (local-use NAT64).
    return range === 'unicast' ? undefined : range;
  }
  const range = ip.range();
  return range === 'unicast' ? undefined : range;
}

function parse(address: string): Address | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return undefined;
  try {
    return ipaddr.parse(bare);
  } catch {
    return undefined;
  }
}

/**
 * The range that makes an IP literal a refused destination ("loopback", "private",
 * "linkLocal: 169.254.169.254 inside ipv4Mapped", ...), or undefined when `address` is a
 * public unicast address or no IP literal at all. Accepts every form Node and ipaddr.js
 * parse: dotted, decimal, octal and hex IPv4, brackets, zone ids.
 */
export function refusedAddressRange(address: string): string | undefined {
  const ip = parse(address.trim());
  return ip ? refusal(ip) : undefined;
}

/** Is `address` an IP literal that is not a public unicast address? */
export function isPrivateAddress(address: string): boolean {
  return refusedAddressRange(address) !== undefined;
}

/** A host name compared as resolvers see it: lowercase, one trailing dot removed. */
export function normalizeHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** `localhost` and its subdomains, which resolvers answer locally (RFC 6761). */
export function isLocalHostname(hostname: string): boolean {
  const host = normalizeHostname(hostname);
  return host === 'localhost' || host.endsWith('.localhost');
}
