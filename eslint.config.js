// ESLint for the whole monorepo, run once from the root (`pnpm lint`): type-aware promise and import rules, and package boundaries.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import boundaries from './tooling/eslint/package-boundaries.js';

const DEEP = { regex: '^@outflow/[^/]+/(src|dist)(/|$)', message: "Import the package's public entry (its exports), not its src/ or dist/ files." };

/** `no-restricted-imports` with the deep-import ban plus the given patterns (a later config replaces the whole rule, so each repeats DEEP). */
const restrict = (...patterns) => ['error', { patterns: [DEEP, ...patterns] }];

/** Build and test tooling every package may use. */
const TOOLING = 'vitest-preset|tsconfig';
const CONNECTOR_DEPS = {
  regex: `^@outflow/(?!(core|http|connector-http|connector-testkit|${TOOLING})(/|$))`,
  message:
    'A connector may import only @outflow/core, @outflow/http, the webhook it may preset (@outflow/connector-http) and (in tests) @outflow/connector-testkit; delivery, stores and the runner are the platform.',
};
const TESTKIT_IN_SRC = { regex: '^@outflow/connector-testkit(/|$)', message: "@outflow/connector-testkit is for a connector's tests, not its source." };
const CORE_DEPS = { regex: `^@outflow/(?!(${TOOLING})(/|$))`, message: '@outflow/core imports no other @outflow package: everything else builds on it.' };

const TYPED = ['{apps,packages,connectors,tooling}/*/{src,test}/**/*.{ts,tsx}', 'bench/{src,test}/**/*.{ts,tsx}'];

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', '**/coverage/**', 'bench/results/**', '**/src/catalog-data.ts', '**/src/category-table.ts'],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.base],
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    plugins: { outflow: boundaries },
    rules: {
      'no-restricted-imports': restrict(),
      'outflow/no-relative-import-outside-package': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: TYPED,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
    },
  },
  {
    files: ['connectors/*/**/*.{js,mjs,ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(CONNECTOR_DEPS) },
  },
  {
    files: ['connectors/*/src/**/*.{js,mjs,ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(CONNECTOR_DEPS, TESTKIT_IN_SRC) },
  },
  {
    files: ['packages/core/**/*.{js,mjs,ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(CORE_DEPS) },
  },
);
