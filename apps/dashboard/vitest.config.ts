// Vitest: unit tests and the Chromium tests, one file at a time (they share a runner and a browser).
import preset from '@outflow/vitest-preset';
import { defineConfig, mergeConfig } from 'vitest/config';

export default mergeConfig(preset, defineConfig({ test: { testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false } }));
