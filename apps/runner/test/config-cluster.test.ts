// The cluster: section: lease defaults (2 s heartbeat, 10 s TTL, 2 s margin), durations, and timings that could not keep a lease.
import { ConfigError } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/index.js';

describe('cluster config', () => {
  it('defaults to a 2 s heartbeat, a 10 s lease and a 2 s stop margin, with no fixed runner id', () => {
    expect(parseConfigText('{}').cluster).toEqual({ heartbeatInterval: 2000, leaseTtl: 10_000, stopMargin: 2000 });
  });

  it('takes durations and a runner id', () => {
    const c = parseConfigText('cluster: { runnerId: eu-1.a, heartbeatInterval: 500ms, leaseTtl: 3s, stopMargin: 1s }');
    expect(c.cluster).toEqual({ runnerId: 'eu-1.a', heartbeatInterval: 500, leaseTtl: 3000, stopMargin: 1000 });
  });

  it('refuses timings where a heartbeat and the margin do not fit in the lease, and odd runner ids', () => {
    expect(() => parseConfigText('cluster: { heartbeatInterval: 5s, leaseTtl: 6s }')).toThrow(ConfigError);
    expect(() => parseConfigText('cluster: { heartbeatInterval: 5s, leaseTtl: 6s }')).toThrow(/heartbeatInterval \+ stopMargin/);
    expect(() => parseConfigText('cluster: { runnerId: "a b" }')).toThrow(/runnerId/);
  });
});
