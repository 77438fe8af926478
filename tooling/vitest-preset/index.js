// The vitest settings every Outflow package shares; a package's vitest.config.ts merges its own on top (mergeConfig).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Absolute path of the setup file that refuses network access outside loopback (see network-guard.js). */
export const networkGuardSetup = fileURLToPath(new URL('./network-guard.js', import.meta.url));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One child process per test file: the network guard patches node:net and node:dns of that process only.
    pool: 'forks',
    restoreMocks: true,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
    setupFiles: [networkGuardSetup],
  },
});
