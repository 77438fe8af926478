// Vitest: the shared preset, with one long, sequential scenario (a registry, a global install, a scaffolded connector built and published).
import preset from '@outflow/vitest-preset';
import { defineConfig, mergeConfig } from 'vitest/config';

export default mergeConfig(preset, defineConfig({ test: { testTimeout: 900_000, hookTimeout: 120_000, fileParallelism: false } }));
