// Started through a package manager's shell (as `npx pnpm start` does), the runner stops when SIGTERM kills that shell instead of staying orphaned.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN } from './support/logged-runner.js';
import { eventually } from './support/wait.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('signals through a package manager', () => {
  it.runIf(process.platform === 'linux')('stops gracefully when the launching shell is killed with SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outflow-launcher-'));
    const file = join(dir, 'outflow.yaml');
    writeFileSync(file, 'server: { host: 127.0.0.1, port: 0 }\nstore: { sqlite: { path: ./outflow.db } }\n');
    // `; true` keeps sh waiting as the parent (as `sh -c` under pnpm and npm exec does).
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${MAIN}" start --config "${file}"; true`], {
      env: { ...process.env, npm_lifecycle_event: 'start' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    shell.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    await eventually(() => existsSync(`${file}.pid`) && /Outflow is running at/.test(err), 30_000, 'The runner did not start.');
    const pid = Number(readFileSync(`${file}.pid`, 'utf8'));
    expect(alive(pid)).toBe(true);
    shell.kill('SIGTERM');
    await eventually(() => !alive(pid), 15_000, 'The runner stayed orphaned after its launcher died.');
    expect(err).toMatch(/"signal":"launcher-exit","msg":"Shutting down\."/);
    await eventually(() => /Outflow stopped\./.test(err) || !existsSync(`${file}.pid`), 5_000);
    expect(existsSync(`${file}.pid`)).toBe(false);
  });
});
