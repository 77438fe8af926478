// `log.format: pretty` and `log.file`: readable lines, appended to a file relative to the config, none on stdout.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../src/app.js';
import { loadConfigFile } from '../src/config/load.js';
import { prettyLine } from '../src/log-pretty.js';
import { eventually } from './support/wait.js';

describe('log output', () => {
  it('formats a JSON line as time, level, component, message and fields', () => {
    const line = prettyLine(
      '{"level":40,"time":"2026-12-07T10:00:00.000Z","component":"delivery","stream":"lst_1","note":"two words","msg":"The batch failed."}',
    );
    expect(line).toBe('2026-12-07T10:00:00.000Z WARN  [delivery] The batch failed. stream=lst_1 note="two words"');
    expect(prettyLine('not json')).toBe('not json');
  });

  it('writes pretty lines to log.file, relative to the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outflow-logs-'));
    writeFileSync(
      join(dir, 'outflow.yaml'),
      'server: { host: 127.0.0.1, port: 0 }\nstore: { sqlite: { path: ./outflow.db } }\nlog: { level: info, format: pretty, file: ./logs/runner.log }\n',
    );
    const loaded = loadConfigFile(join(dir, 'outflow.yaml'));
    expect(loaded.config.log.file).toBe(join(dir, 'logs', 'runner.log'));
    const app = await startApp(loaded);
    await app.close();
    const file = join(dir, 'logs', 'runner.log');
    await eventually(() => /Outflow stopped\./.test(readFileSync(file, 'utf8')), 5_000);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\S+Z INFO {2}\[runner\] Outflow is listening\. url=http:\/\/127\.0\.0\.1:\d+ /m);
    expect(text).not.toMatch(/^\{/m);
  });
});
