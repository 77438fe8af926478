// Vitest: the shared preset with a shorter test timeout.
import preset from '@outflow/vitest-preset';
import { defineConfig, mergeConfig } from 'vitest/config';

export default mergeConfig(preset, defineConfig({ test: { testTimeout: 20_000 } }));
