// `outflow streams <command>`: picks the sub-command, makes the API client from flags and env, prints errors.
import { redactText } from '@outflow/core';
import { createApiClient } from './api-client.js';
import { flag, parseCommand, str } from './args.js';
import { CliError, describeError, exitCodeOf } from './cli-errors.js';
import { crudCommands } from './streams-crud.js';
import { STREAMS_USAGE, commandHelp } from './streams-help.js';
import { opsCommands } from './streams-ops.js';
import { tailCommand } from './streams-tail.js';
import { topCommand } from './top-command.js';
import type { ApiClient, CliIo, CommandContext, StreamsCommand } from './types.js';

export const DEFAULT_URL = 'http://127.0.0.1:8080';

const COMMANDS: Record<string, StreamsCommand> = { ...crudCommands, ...opsCommands, tail: tailCommand, top: topCommand };

/** Runs `outflow streams …` with `argv` after "streams"; resolves the exit code (0 ok, 1 failed, 2 usage). */
export async function runStreamsCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(STREAMS_USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "streams ${name}".\n\n${STREAMS_USAGE}`);
    return 2;
  }
  // Whatever happens, the token never reaches the terminal.
  let secret = '';
  const safe: CliIo = { ...io, out: (t) => io.out(redactText(t, [secret])), err: (t) => io.err(redactText(t, [secret])) };
  try {
    const parsed = parseCommand(rest, command.options, name);
    if (flag(parsed, 'help')) {
      safe.out(commandHelp(name));
      return 0;
    }
    secret = str(parsed, 'token') ?? io.env.OUTFLOW_TOKEN ?? '';
    let client: ApiClient | undefined;
    const json = flag(parsed, 'json');
    const ctx: CommandContext = {
      io: safe,
      json,
      api() {
        if (!secret) throw new CliError('No API token: set OUTFLOW_TOKEN or pass --token.', 2);
        client ??= createApiClient({ url: str(parsed, 'url') ?? io.env.OUTFLOW_URL ?? DEFAULT_URL, token: secret });
        return client;
      },
      show(body, readable) {
        safe.out(json ? JSON.stringify(body, null, 2) : readable());
      },
    };
    return await command.run(parsed, ctx);
  } catch (err) {
    safe.err(describeError(err));
    return exitCodeOf(err);
  }
}
