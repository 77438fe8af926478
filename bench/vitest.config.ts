import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/**/*.test.ts'], restoreMocks: true, testTimeout: 170_000, hookTimeout: 30_000 } });
