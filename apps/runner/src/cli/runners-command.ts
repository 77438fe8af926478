// `outflow runners`: the live runners of a running deployment and the streams each delivers (GET /api/v2/runners).
import { redactText } from '@outflow/core';
import { createApiClient } from './api-client.js';
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, flag, str, type Parsed } from './args.js';
import { CliError, describeError, exitCodeOf } from './cli-errors.js';
import { runnersTable } from './runners-format.js';
import type { CliIo, RunnersView } from './types.js';

const DEFAULT_URL = 'http://127.0.0.1:8080';

export const RUNNERS_USAGE = `Usage: outflow runners [--json] [--url URL] [--token TOKEN]

Lists the live runners (id, host, pid, heartbeat age) and the streams each one delivers.
On a shared PostgreSQL store each stream is leased to one runner; on SQLite the one runner
delivers every active stream. Only the streams of the token's tenant are named.

Options:
  --url URL       The runner's address (default: OUTFLOW_URL or ${DEFAULT_URL}).
  --token TOKEN   An API token with read:log_streams (default: OUTFLOW_TOKEN).
  --json          Print the API's JSON answer.
  -h, --help      Show this help.`;

function parse(argv: readonly string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: COMMON_OPTIONS, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    throw new CliError(`${(err as Error).message.replace(/\. To specify a positional argument.*$/s, '.')} See "outflow runners --help".`, 2);
  }
}

/** Runs `outflow runners …` with `argv` after "runners"; resolves the exit code (0 ok, 1 failed, 2 usage). */
export async function runRunnersCli(argv: readonly string[], io: CliIo): Promise<number> {
  let secret = '';
  const safe: CliIo = { ...io, out: (t) => io.out(redactText(t, [secret])), err: (t) => io.err(redactText(t, [secret])) };
  try {
    const parsed = parse(argv);
    if (flag(parsed, 'help')) {
      safe.out(RUNNERS_USAGE);
      return 0;
    }
    if (parsed.positionals.length) throw new CliError(`outflow runners takes no argument; got "${parsed.positionals[0]}".`, 2);
    secret = str(parsed, 'token') ?? io.env.OUTFLOW_TOKEN ?? '';
    if (!secret) throw new CliError('No API token: set OUTFLOW_TOKEN or pass --token.', 2);
    const client = createApiClient({ url: str(parsed, 'url') ?? io.env.OUTFLOW_URL ?? DEFAULT_URL, token: secret });
    const { body } = await client.request<RunnersView>('GET', '/api/v2/runners');
    safe.out(flag(parsed, 'json') ? JSON.stringify(body, null, 2) : runnersTable(body, io.color));
    return 0;
  } catch (err) {
    safe.err(describeError(err));
    return exitCodeOf(err);
  }
}
