// The start banner: a literal development token is shown with the dashboard link; one from ${ENV} never is.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBanner } from '../src/cli/banner.js';
import { loadConfigFile } from '../src/config/load.js';

const TOKENS = (token: string) => `tokens:\n  - { token: ${token}, tenant: default, scopes: [ingest:logs, read:log_streams] }\n`;

function load(text: string, env: NodeJS.ProcessEnv = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'outflow-banner-')), 'outflow.yaml');
  writeFileSync(file, text);
  return loadConfigFile(file, env);
}

describe('start banner', () => {
  it('shows the literal dev token, the curl line and the dashboard signed in with it', () => {
    const text = startBanner('http://127.0.0.1:8080', load(TOKENS('dev-token-123')));
    expect(text).toContain('Development token (tenant "default"): dev-token-123');
    expect(text).toContain("-H 'Authorization: Bearer dev-token-123'");
    expect(text).toContain('Dashboard: http://127.0.0.1:8080/#token=dev-token-123');
  });

  it('never prints a token that came from the environment, and omits the dashboard when it is off', () => {
    const fromEnv = startBanner('http://127.0.0.1:8080', load(TOKENS('${SECRET_TOKEN}'), { SECRET_TOKEN: 'from-env-secret-1' }));
    expect(fromEnv).not.toContain('from-env-secret-1');
    expect(fromEnv).toContain('Dashboard: http://127.0.0.1:8080/\n');
    const off = startBanner('http://127.0.0.1:8080', load(`server: { dashboard: false }\n${TOKENS('dev-token-123')}`));
    expect(off).not.toContain('Dashboard:');
  });
});
