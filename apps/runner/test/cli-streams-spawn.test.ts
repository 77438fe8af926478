// `outflow streams …` as a user runs it: the built dist/main.js spawned against a real runner.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, tableRows, useCliRunner } from './support/cli.js';

// Each spawn loads the whole runner (main.ts imports every connector): seconds on a busy machine.
const SPAWN_TIMEOUT = 30_000;

const h = useCliRunner();

describe('outflow streams (spawned dist/main.js)', () => {
  it(
    'creates a stream from a YAML file with flags over it, lists it and deletes it',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'outflow-cli-'));
      const file = join(dir, 'stream.yaml');
      writeFileSync(
        file,
        `name: from-file\ntype: http\nsink:\n  httpEndpoint: ${h.rx.url}/file\n  httpContentFormat: JSONARRAY\nfilters:\n  - { type: category, name: auth.login.fail }\npii_config: { log_fields: [email], method: mask }\n`,
      );
      const created = await spawnCli(['create', '--file', file, '--sink', 'httpContentFormat=JSONLINES', '--json'], h.env);
      expect(created.err).toBe('');
      expect(created.code).toBe(0);
      const stream = JSON.parse(created.out) as { id: string; name: string; sink: Record<string, unknown>; filters: unknown[]; pii_config: unknown };
      expect(stream).toMatchObject({
        name: 'from-file',
        sink: { httpEndpoint: `${h.rx.url}/file`, httpContentFormat: 'JSONLINES' },
        filters: [{ type: 'category', name: 'auth.login.fail' }],
        pii_config: { log_fields: ['email'], method: 'mask' },
      });

      const listed = await spawnCli(['list'], h.env);
      expect(listed.code).toBe(0);
      expect(listed.out).not.toMatch(/\x1b\[/);
      expect(
        tableRows(listed.out)
          .find((r) => r[0] === stream.id)
          ?.slice(1, 4),
      ).toEqual(['from-file', 'http', 'active']);

      const deleted = await spawnCli(['delete', stream.id, '--yes'], h.env);
      expect(deleted.code).toBe(0);
      expect(deleted.out).toBe(`Deleted log stream ${stream.id}.\n`);
      expect((await h.app.api(`/api/v2/log-streams/${stream.id}`)).status).toBe(404);
    },
    SPAWN_TIMEOUT * 3,
  );

  it(
    'exits 1 with the API message for a wrong token given as a flag, without echoing it',
    async () => {
      const wrong = 'cli-wrong-token-9a8b7c';
      const res = await spawnCli(['list', '--url', h.app.url, '--token', wrong], {});
      expect(res.code).toBe(1);
      expect(res.out).toBe('');
      expect(res.err).toBe('Error: Invalid token. (HTTP 401, invalid_token)\n');
      expect(res.err).not.toContain(wrong);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 1 naming the field path when the API refuses a sink',
    async () => {
      const res = await spawnCli(
        ['create', '--type', 'http', '--sink', 'httpEndpoint=https://siem.example.com/logs', '--sink', 'httpContentFormat=CSV'],
        h.env,
      );
      expect(res.code).toBe(1);
      expect(res.err).toMatch(/^ {2}sink\.httpContentFormat: /m);
    },
    SPAWN_TIMEOUT,
  );
});
