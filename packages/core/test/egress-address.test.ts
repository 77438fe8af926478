// Table of address forms the egress guard must refuse (URL, DNS answer and socket checks), and what it must still allow.
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createEgressGuard, isPrivateAddress, type DnsLookup, type EgressPolicy } from '../src/index.js';

interface LiteralCase {
  form: string;
  /** host part of the URL as written */
  host: string;
  /** the address a socket to it reports (undefined: a name, not an address) */
  peer?: string;
  /** WHATWG URL refuses the form itself (zone ids): refused under every policy */
  invalidUrl?: boolean;
}

const refusedLiterals: LiteralCase[] = [
  { form: 'decimal IPv4', host: '2130706433', peer: '127.0.0.1' },
  { form: 'octal IPv4', host: '0177.0.0.1', peer: '127.0.0.1' },
  { form: 'hex short IPv4', host: '0x7f.1', peer: '127.0.0.1' },
  { form: 'hex whole IPv4', host: '0x7f000001', peer: '127.0.0.1' },
  { form: 'short IPv4', host: '127.1', peer: '127.0.0.1' },
  { form: 'loopback IPv4', host: '127.0.0.1', peer: '127.0.0.1' },
  { form: 'IPv4-mapped dotted', host: '[::ffff:127.0.0.1]', peer: '::ffff:127.0.0.1' },
  { form: 'IPv4-mapped long hex', host: '[0:0:0:0:0:ffff:7f00:1]', peer: '::ffff:7f00:1' },
  { form: 'IPv4-mapped metadata', host: '[::ffff:169.254.169.254]', peer: '::ffff:a9fe:a9fe' },
  { form: 'IPv4-mapped private', host: '[::ffff:10.0.0.1]', peer: '::ffff:10.0.0.1' },
  { form: 'IPv4-translated (rfc6145)', host: '[::ffff:0:7f00:1]', peer: '::ffff:0:7f00:1' },
  { form: 'IPv4-compatible hex', host: '[::7f00:1]', peer: '::7f00:1' },
  { form: 'IPv4-compatible dotted', host: '[::10.1.2.3]', peer: '::a01:203' },
  { form: 'NAT64 loopback', host: '[64:ff9b::7f00:1]', peer: '64:ff9b::7f00:1' },
  { form: 'NAT64 private', host: '[64:ff9b::a00:1]', peer: '64:ff9b::a00:1' },
  { form: 'NAT64 local-use prefix', host: '[64:ff9b:1::a00:1]', peer: '64:ff9b:1::a00:1' },
  { form: '6to4 loopback', host: '[2002:7f00:1::]', peer: '2002:7f00:1::' },
  { form: '6to4 metadata', host: '[2002:a9fe:a9fe::]', peer: '2002:a9fe:a9fe::' },
  { form: 'Teredo with loopback client', host: '[2001:0:4136:e378:8000:63bf:80ff:fffe]', peer: '2001:0:4136:e378:8000:63bf:80ff:fffe' },
  { form: 'link-local IPv6 with zone id', host: '[fe80::1%25eth0]', peer: 'fe80::1%eth0', invalidUrl: true },
  { form: 'link-local IPv6', host: '[fe80::1]', peer: 'fe80::1' },
  { form: 'loopback IPv6', host: '[::1]', peer: '::1' },
  { form: 'unspecified IPv6', host: '[::]', peer: '::' },
  { form: 'unique-local IPv6', host: '[fc00::1]', peer: 'fc00::1' },
  { form: 'multicast IPv6', host: '[ff02::1]', peer: 'ff02::1' },
  { form: 'unspecified IPv4', host: '0.0.0.0', peer: '0.0.0.0' },
  { form: 'private 10/8', host: '10.1.2.3', peer: '10.1.2.3' },
  { form: 'private 172.16/12', host: '172.16.5.4', peer: '172.16.5.4' },
  { form: 'private 192.168/16', host: '192.168.1.1', peer: '192.168.1.1' },
  { form: 'carrier-grade NAT', host: '100.64.0.1', peer: '100.64.0.1' },
  { form: 'cloud metadata', host: '169.254.169.254', peer: '169.254.169.254' },
  { form: 'multicast IPv4', host: '224.0.0.1', peer: '224.0.0.1' },
  { form: 'broadcast', host: '255.255.255.255', peer: '255.255.255.255' },
  { form: 'benchmarking', host: '198.18.0.1', peer: '198.18.0.1' },
  { form: 'documentation (reserved)', host: '192.0.2.1', peer: '192.0.2.1' },
  { form: 'localhost with trailing dot', host: 'localhost.' },
  { form: 'uppercase localhost', host: 'LOCALHOST' },
  { form: 'localhost subdomain with trailing dot', host: 'a.localhost.' },
];

/** Names and what the injected resolver answers for them. */
const resolving: Record<string, string[]> = {
  'private-v4.example': ['10.0.0.5'],
  'private-v6.example': ['fd00::5'],
  'mapped.example': ['::ffff:127.0.0.1'],
  'nat64.example': ['64:ff9b::a9fe:a9fe'],
  'mixed.example': ['93.184.216.34', '192.168.0.10'],
  'public.example': ['93.184.216.34', '2606:4700::1'],
};

const resolver: DnsLookup = (hostname, _options, callback) => {
  const list = resolving[hostname];
  if (!list) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  callback(
    null,
    list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
  );
};

function lookupOf(policy: EgressPolicy, hostname: string, resolve: DnsLookup = resolver): Promise<LookupAddress[]> {
  const guard = createEgressGuard(policy, resolve);
  return new Promise((ok, fail) => guard.lookup(hostname, { all: true }, (err, addresses) => (err ? fail(err) : ok(addresses as LookupAddress[]))));
}

const strictPolicies: EgressPolicy[] = [
  { allowHttp: false, allowPrivateNetworks: false },
  { allowHttp: true, allowPrivateNetworks: false },
];
const open: EgressPolicy = { allowHttp: true, allowPrivateNetworks: true };
const refusal = { name: 'EgressError', code: 'EGRESS_REFUSED' };

describe('egress guard: refused address forms', () => {
  it('covers at least 30 address forms', () => {
    expect(refusedLiterals.length + Object.keys(resolving).length - 1).toBeGreaterThanOrEqual(30);
  });

  describe.each(refusedLiterals)('$form ($host)', ({ host, peer, invalidUrl }) => {
    it.each(strictPolicies)('refuses https and http URLs (allowHttp $allowHttp)', (policy) => {
      const guard = createEgressGuard(policy, resolver);
      expect(() => guard.checkUrl(`https://${host}:8443/hook`)).toThrow(expect.objectContaining(refusal));
      expect(() => guard.checkUrl(`https://${host}/hook`)).toThrow(invalidUrl ? /not a valid URL/ : /private, loopback or link-local address|localhost name/);
      expect(() => guard.checkUrl(`http://${host}/hook`)).toThrow(expect.objectContaining(refusal));
      if (policy.allowHttp)
        expect(() => guard.checkUrl(`http://${host}/hook`)).toThrow(invalidUrl ? /not a valid URL/ : /private, loopback or link-local address|localhost name/);
    });

    it.each(strictPolicies)('refuses the connected socket and the DNS step (allowHttp $allowHttp)', async (policy) => {
      const guard = createEgressGuard(policy, resolver);
      if (peer) {
        expect(isPrivateAddress(peer)).toBe(true);
        expect(() => guard.checkAddress(peer, host)).toThrow(expect.objectContaining({ ...refusal, message: expect.stringContaining(peer) }));
      } else {
        await expect(lookupOf(policy, host)).rejects.toMatchObject({ ...refusal, message: expect.stringMatching(/localhost name/) });
      }
    });

    it('is allowed with allowPrivateNetworks (no over-blocking)', () => {
      const guard = createEgressGuard(open, resolver);
      if (invalidUrl) expect(() => guard.checkUrl(`https://${host}/`)).toThrow(/not a valid URL/);
      else {
        expect(() => guard.checkUrl(`https://${host}/hook`)).not.toThrow();
        expect(() => guard.checkUrl(`http://${host}/hook`)).not.toThrow();
      }
      if (peer) expect(() => guard.checkAddress(peer, host)).not.toThrow();
    });
  });

  it('reads the non-dotted IPv4 forms as WHATWG URL normalises them (so the check sees 127.0.0.1)', () => {
    for (const host of ['2130706433', '0177.0.0.1', '0x7f.1', '0x7f000001', '127.1']) expect(new URL(`http://${host}/`).hostname).toBe('127.0.0.1');
    expect(new URL('http://[0:0:0:0:0:ffff:7f00:1]/').hostname).toBe('[::ffff:7f00:1]');
  });

  const names = Object.keys(resolving).filter((name) => name !== 'public.example');
  describe.each(names)('name resolving to a private address: %s', (name) => {
    it.each(strictPolicies)('passes the URL check but is refused at lookup (allowHttp $allowHttp)', async (policy) => {
      expect(() => createEgressGuard(policy, resolver).checkUrl(`https://${name}/`)).not.toThrow();
      await expect(lookupOf(policy, name)).rejects.toMatchObject({ ...refusal, message: expect.stringMatching(/resolves to private address/) });
    });

    it('resolves with allowPrivateNetworks', async () => {
      expect((await lookupOf(open, name)).map((a) => a.address)).toEqual(resolving[name]);
    });
  });

  it('refuses a name whose second lookup changes to a private address (rebinding)', async () => {
    let calls = 0;
    const rebinding: DnsLookup = (_hostname, _options, callback) => {
      calls++;
      callback(null, [calls === 1 ? { address: '93.184.216.34', family: 4 } : { address: '::ffff:169.254.169.254', family: 6 }]);
    };
    const guard = createEgressGuard({ allowHttp: false, allowPrivateNetworks: false }, rebinding);
    const once = () => new Promise<unknown>((ok, fail) => guard.lookup('rebind.example', {}, (err, address) => (err ? fail(err) : ok(address))));
    await expect(once()).resolves.toBe('93.184.216.34');
    await expect(once()).rejects.toMatchObject({ ...refusal, message: expect.stringContaining('::ffff:169.254.169.254') });
  });
});

describe('egress guard: public destinations', () => {
  const publicHosts = [
    { host: '93.184.216.34', peer: '93.184.216.34' },
    { host: '[2606:4700::1]', peer: '2606:4700::1' },
    { host: '[::ffff:93.184.216.34]', peer: '::ffff:5db8:d822' },
    { host: '[64:ff9b::5db8:d822]', peer: '64:ff9b::5db8:d822' },
    { host: '[2002:5db8:d822::1]', peer: '2002:5db8:d822::1' },
    { host: 'example.com' },
    { host: 'public.example.' },
  ];

  it.each(publicHosts)('allows $host under the strict policy', ({ host, peer }) => {
    const guard = createEgressGuard({ allowHttp: false, allowPrivateNetworks: false }, resolver);
    expect(() => guard.checkUrl(`https://${host}/hook`)).not.toThrow();
    expect(() => guard.checkUrl(`http://${host}/hook`)).toThrow(/Plain http/);
    expect(isPrivateAddress(host)).toBe(false);
    if (peer) expect(() => guard.checkAddress(peer, host)).not.toThrow();
  });

  it('resolves a name with only public addresses', async () => {
    expect((await lookupOf({ allowHttp: false, allowPrivateNetworks: false }, 'public.example')).map((a) => a.address)).toEqual([
      '93.184.216.34',
      '2606:4700::1',
    ]);
  });

  it('refuses a socket without a peer address under the strict policy only', () => {
    expect(() => createEgressGuard({ allowHttp: true, allowPrivateNetworks: false }).checkAddress(undefined, 'x.example')).toThrow(/peer address is unknown/);
    expect(() => createEgressGuard(open).checkAddress(undefined, 'x.example')).not.toThrow();
  });
});
