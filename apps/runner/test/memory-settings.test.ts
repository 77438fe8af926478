// The recommended memory settings: `pnpm start` carries every one of them, and a start without them is detected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingMemorySettings, RUNNER_NODE_FLAGS } from '../src/cli/memory-settings.js';

const rootManifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

describe('memory settings', () => {
  it('the root start script passes every flag to node', () => {
    const start = rootManifest.scripts.start as string;
    const launch = start.slice(start.lastIndexOf('&&') + 2);
    for (const flag of RUNNER_NODE_FLAGS) expect(launch).toMatch(new RegExp(`node [^&]*${flag.replace(/[-=]/g, '\\$&')}[^&]* apps/runner/dist/main\\.js start`));
  });

  it('names the flags a process was started without', () => {
    expect(missingMemorySettings([], {})).toEqual([...RUNNER_NODE_FLAGS]);
    expect(missingMemorySettings([...RUNNER_NODE_FLAGS], {})).toEqual([]);
    expect(missingMemorySettings(['--cpu-prof'], { NODE_OPTIONS: `--trace-warnings ${RUNNER_NODE_FLAGS.join(' ')}` })).toEqual([]);
    expect(missingMemorySettings(['--max-semi-space-size=16'], {})).toEqual(['--max-semi-space-size=4']);
  });
});
