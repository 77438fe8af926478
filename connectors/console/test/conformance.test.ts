// Runs the shared connector conformance suite against the console connector (no HTTP: writes to a temp file).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance, startFakeServer } from '@outflow/connector-testkit';
import { afterAll } from 'vitest';
import { consoleConnector } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'outflow-console-conformance-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeConnectorConformance(consoleConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  http: false,
  withoutNetwork: 'the console connector writes to stdout or a file and opens no connection',
  // Unused: the console writes to a file, but the suite gives every case a fresh fake.
  startFake: () => startFakeServer(),
  validConfig: () => ({ target: { file: join(dir, `out-${++n}.jsonl`) } }),
  invalidConfigs: [
    { config: { target: 'printer' }, path: 'target' },
    { config: { target: { file: '' } }, path: 'target.file' },
    { config: { pretty: 'yes' }, path: 'pretty' },
  ],
  secretValues: [],
  deliveredEvents: (config) => {
    const file = (config.target as { file: string }).file;
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
  },
});
