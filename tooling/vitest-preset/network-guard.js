// Vitest setup file: a test may connect only to loopback; any other TCP/TLS connection or DNS lookup fails at once, naming the address.
//
// Patched in the test's own process: net.Socket#connect (so node:net, node:tls, node:http(s), axios and undici/fetch
// all pass through it), dns.lookup and dns.promises.lookup. Allowed: 127.0.0.0/8, ::1, their IPv4-mapped forms,
// 0.0.0.0 and :: (this host), `localhost` and `*.localhost`, unix sockets and pipes. A custom `lookup` (as the egress
// guard's tests use) is kept and its answers are checked before Node connects, so its own refusals still surface first.
// Every refusal is also recorded, and the test during which it happened fails even if the code under test swallowed
// the error. Out of reach: child processes and worker threads (their own node:net), raw UDP (dgram), dns.resolve*.
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { afterAll, afterEach } from 'vitest';

export const NETWORK_GUARD_CODE = 'ERR_TEST_NETWORK_REFUSED';
const STATE = Symbol.for('outflow.vitest.networkGuard');

const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('0.0.0.0', 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addAddress('::', 'ipv6');

/** True for an IP literal on this host (IPv4-mapped IPv6 forms included); a zone id or brackets are ignored. */
export function isLoopbackAddress(address) {
  const ip = String(address)
    .replace(/^\[|\]$/g, '')
    .split('%')[0];
  const family = net.isIP(ip);
  return family !== 0 && loopback.check(ip, family === 6 ? 'ipv6' : 'ipv4');
}

/** True for names that resolve on this host without asking a DNS server. */
function isLocalName(hostname) {
  const name = String(hostname).toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

function refusal(what) {
  const error = new Error(`Network guard: tests may only reach loopback (127.0.0.0/8, ::1, localhost); refused ${what}.`);
  error.code = NETWORK_GUARD_CODE;
  return error;
}

function install() {
  const state = { refused: [], allowed: false };
  const record = (error) => {
    if (!state.allowed) state.refused.push(error.message);
    return error;
  };
  const target = (host, port) => (port === undefined || port === null || port === '' ? host : `${host}:${port}`);

  /** Wraps a lookup so that an answer outside loopback fails the connection before Node connects to it. */
  const checkedLookup = (lookup, port) =>
    function guardedLookup(hostname, options, callback) {
      const cb = typeof options === 'function' ? options : callback;
      const opts = typeof options === 'function' ? {} : options;
      return lookup(hostname, opts, (err, address, family) => {
        if (err || state.allowed) return cb(err, address, family);
        const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
        const outside = addresses.find((a) => !isLoopbackAddress(a));
        if (outside !== undefined) return cb(record(refusal(`a connection to ${target(hostname, port)} (${outside})`)));
        return cb(null, address, family);
      });
    };

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    if (state.allowed) return connect.apply(this, args);
    // net.connect and http agents pass an already normalised [options, callback] array.
    const normalised = Array.isArray(args[0]);
    const first = normalised ? args[0][0] : args[0];
    const callback = normalised ? args[0][1] : args.find((a) => typeof a === 'function');
    let options;
    if (first !== null && typeof first === 'object') options = first;
    else if (typeof first === 'string' && !/^\s*\d+\s*$/.test(first)) options = { path: first };
    else options = { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
    if (options.path !== undefined && options.path !== null) return connect.apply(this, args);

    const host = options.host || 'localhost';
    if (
      net.isIP(
        String(host)
          .replace(/^\[|\]$/g, '')
          .split('%')[0],
      ) !== 0
    ) {
      if (isLoopbackAddress(host)) return connect.apply(this, args);
      const error = record(refusal(`a connection to ${target(host, options.port)}`));
      process.nextTick(() => this.destroy(error));
      return this;
    }
    if (isLocalName(host) && !options.lookup) return connect.apply(this, args);
    const guarded = { ...options, lookup: checkedLookup(options.lookup ?? dns.lookup, options.port) };
    if (normalised) {
      args[0][0] = guarded;
      return connect.apply(this, args);
    }
    return callback ? connect.call(this, guarded, callback) : connect.call(this, guarded);
  };

  const lookup = dns.lookup;
  dns.lookup = function guardedDnsLookup(hostname, options, callback) {
    if (state.allowed || net.isIP(String(hostname)) !== 0 || isLocalName(hostname)) return lookup.apply(this, arguments);
    const cb = typeof options === 'function' ? options : callback;
    const error = record(refusal(`a DNS lookup of ${hostname}`));
    process.nextTick(() => cb(error));
    return {};
  };
  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = async function guardedDnsPromisesLookup(hostname, options) {
    if (state.allowed || net.isIP(String(hostname)) !== 0 || isLocalName(hostname)) return lookupPromise.call(this, hostname, options);
    throw record(refusal(`a DNS lookup of ${hostname}`));
  };
  syncBuiltinESMExports();
  return state;
}

globalThis[STATE] ??= install();
const state = globalThis[STATE];

/** The refusals recorded since the last call (and forgets them): for tests that provoke one on purpose. */
export function takeRefusals() {
  return state.refused.splice(0);
}

/**
 * Lets the rest of this test file reach the network (say why at the call site). Only for a test that must, such as
 * one whose subject fetches from a registry in process; the file's end turns the guard back on.
 */
export function allowNetworkForThisFile() {
  state.allowed = true;
}

const failOnRefusals = (when) => {
  const refused = takeRefusals();
  if (refused.length > 0) throw new Error(`${refused.length} network access(es) outside loopback ${when}:\n${refused.join('\n')}`);
};

afterEach(() => failOnRefusals('during this test'));
afterAll(() => {
  state.allowed = false;
  failOnRefusals('after the last test of this file');
});
