import { defineConfig } from 'vitest/config';

// One long, sequential scenario: a registry, a global install, a scaffolded connector built and published.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 120_000, fileParallelism: false } });
