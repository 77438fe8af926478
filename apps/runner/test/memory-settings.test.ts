// The recommended memory settings: `pnpm start` carries every one of them, and a start without them is detected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingMemorySettings, RUNNER_MALLOC_ENV, RUNNER_NODE_FLAGS } from '../src/cli/memory-settings.js';

const rootManifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

describe('memory settings', () => {
  it('the root start script sets every flag and malloc variable', () => {
    const start = rootManifest.scripts.start as string;
    const launch = start.slice(start.lastIndexOf('&&') + 2);
    for (const flag of RUNNER_NODE_FLAGS) expect(launch).toMatch(new RegExp(`node [^&]*${flag.replace(/[-=]/g, '\\$&')}[^&]* apps/runner/dist/main\\.js start`));
    for (const [name, value] of Object.entries(RUNNER_MALLOC_ENV)) expect(launch).toContain(`${name}=${value} `);
  });

  it('names what a process was started without', () => {
    expect(missingMemorySettings([], {})).toEqual([...RUNNER_NODE_FLAGS, ...Object.entries(RUNNER_MALLOC_ENV).map(([n, v]) => `${n}=${v}`)]);
    expect(missingMemorySettings([...RUNNER_NODE_FLAGS], { ...RUNNER_MALLOC_ENV })).toEqual([]);
    expect(missingMemorySettings([], { ...RUNNER_MALLOC_ENV, NODE_OPTIONS: `--trace-warnings ${RUNNER_NODE_FLAGS.join(' ')}` })).toEqual([]);
    expect(missingMemorySettings([...RUNNER_NODE_FLAGS], { MALLOC_ARENA_MAX: '2' })).toEqual(['MALLOC_MMAP_THRESHOLD_=262144', 'MALLOC_TRIM_THRESHOLD_=4194304']);
  });
});
