// Vitest: the shared preset; the benchmark smoke tests run for minutes.
import preset from '@outflow/vitest-preset';
import { defineConfig, mergeConfig } from 'vitest/config';

export default mergeConfig(preset, defineConfig({ test: { testTimeout: 170_000 } }));
