// `--runners` and `--events`: option parsing (the cluster comparison itself is run by hand; docs/benchmarks.md).
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../src/args.js';
import { clusterTable } from '../src/cluster-bench.js';

describe('--runners', () => {
  it('takes runner counts with --store postgres and refuses them otherwise', () => {
    expect(parseBenchArgs([]).runners).toEqual([]);
    expect(parseBenchArgs(['--store', 'postgres', '--runners', '1,3']).runners).toEqual([1, 3]);
    expect(parseBenchArgs(['--store', 'postgres', '--runners', '2', '--events', '5000']).events).toBe(5000);
    expect(() => parseBenchArgs(['--runners', '3'])).toThrow(/--runners needs --store postgres/);
    expect(() => parseBenchArgs(['--store', 'postgres', '--runners', '0'])).toThrow(/runner counts from 1 to 16/);
    expect(() => parseBenchArgs(['--store', 'postgres', '--runners', 'x'])).toThrow(/runner counts from 1 to 16/);
    expect(() => parseBenchArgs(['--events', '0'])).toThrow(/--events takes a positive whole number/);
  });

  it('puts each PostgreSQL figure next to the SQLite one of the same stream count', () => {
    const run = { streams: 1, events: 100, spread: '1', complete: true, problems: [] };
    const table = clusterTable([
      { ...run, store: 'sqlite', runners: 1, ingestPerSec: 1000, deliveriesPerSec: 800, cpuSecPerM: 20 },
      { ...run, store: 'postgres', runners: 3, ingestPerSec: 1500, deliveriesPerSec: 400, cpuSecPerM: 60 },
    ]);
    expect(table).toContain('| 1 | postgres | 3 | 1 | 1,500 | 1.50× | 400 | 0.50× | 60.0 | exact |');
  });
});
