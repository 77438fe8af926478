// Vitest: unit tests and the Chromium tests, one file at a time (they share a runner and a browser).
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false } });
