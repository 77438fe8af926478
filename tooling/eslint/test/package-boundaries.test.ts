// The repository's lint config keeps package boundaries: the files and imports below pass or fail as the brief says.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root, cache: false });

/** The rule ids that `code` breaks when it lives at `file` (relative to the repository root; .js files need no type info). */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('package boundaries', () => {
  it('refuses a relative import that leaves its package, however it is spelled', async () => {
    expect(await broken('packages/delivery/src/x.js', "import '../../http/src/index.js';")).toEqual(['outflow/no-relative-import-outside-package']);
    expect(await broken('apps/runner/test/x.js', "export * from '../../../packages/ingest/test/a.js';")).toEqual([
      'outflow/no-relative-import-outside-package',
    ]);
    expect(await broken('packages/core/src/testing/x.js', "await import('../../../http/src/index.js');")).toEqual([
      'outflow/no-relative-import-outside-package',
    ]);
    expect(await broken('packages/core/src/testing/x.js', "import '../index.js'; import './y.js'; import '../../test/z.js';")).toEqual([]);
  });

  it("refuses deep imports into another package's src/ or dist/", async () => {
    expect(await broken('apps/runner/src/x.js', "import '@outflow/core/src/batch.js';")).toEqual(['no-restricted-imports']);
    expect(await broken('apps/runner/src/x.js', "import '@outflow/delivery/dist/index.js';")).toEqual(['no-restricted-imports']);
    expect(await broken('apps/runner/src/x.js', "import '@outflow/core/testing'; import '@outflow/delivery';")).toEqual([]);
  });

  it('lets a connector import core, http and (in tests) the testkit, and nothing else of the platform', async () => {
    expect(await broken('connectors/acme/src/x.js', "import '@outflow/core'; import '@outflow/http';")).toEqual([]);
    expect(await broken('connectors/acme/test/x.js', "import '@outflow/connector-testkit/fakes/splunk';")).toEqual([]);
    expect(await broken('connectors/acme/src/x.js', "import '@outflow/connector-testkit';")).toEqual(['no-restricted-imports']);
    for (const other of ['@outflow/delivery', '@outflow/store-sqlite', '@outflow/store-postgres', '@outflow/runner', '@outflow/connector-splunk']) {
      expect(await broken('connectors/acme/test/x.js', `import '${other}';`), other).toEqual(['no-restricted-imports']);
    }
  });

  it('keeps core free of every other @outflow package', async () => {
    expect(await broken('packages/core/src/x.js', "import '@outflow/http';")).toEqual(['no-restricted-imports']);
    expect(await broken('packages/core/test/x.js', "import '@outflow/store-kit';")).toEqual(['no-restricted-imports']);
    expect(await broken('packages/http/src/x.js', "import '@outflow/core';")).toEqual([]);
  });
});
