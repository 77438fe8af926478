#!/usr/bin/env node
// The `outflow` CLI: start, validate, reload, connectors, tokens, streams, top and runners (each loads only what it needs, so a missing build is a one-line error).
import { readFileSync } from 'node:fs';

const USAGE = `Usage: outflow <command> [options]

Commands:
  start        Run the service (ingest API, management API, stream workers).
               SIGHUP (or outflow reload) re-reads the config file; SIGTERM/SIGINT stop gracefully.
  validate     Check a config file; reports every bad field by its path in one pass.
               --probe also asks each stream's destination (credentials, reachability).
  reload       Check the config file, then make the runner started with it re-read it (SIGHUP).
  connectors   List the connector types (connectors install <package> adds a connector package,
               connectors new <name> creates one; outflow connectors --help).
  tokens       Mint, list and revoke API tokens in the configured store (outflow tokens --help).
  streams      Manage the log streams of a running runner (outflow streams --help);
               streams tail <id> shows the events a stream delivers, live.
  top          Every stream's status, events/s, lag and last error, refreshed live
               (--once, or when stdout is not a terminal: print once and exit).
  runners      List the live runners and the streams each delivers (outflow runners --help).

Options:
  -c, --config FILE      Config file (default: outflow.yaml)
  -p, --port PORT        With start: listen on PORT (overrides server.port; 0 picks a free port).
      --host ADDRESS     With start: listen on ADDRESS (overrides server.host).
      --log-level LEVEL  With start: fatal, error, warn, info, debug, trace or silent (overrides log.level).
      --probe            With validate: probe each stream's destination; non-zero exit when one fails.
      --pid PID          With reload: the runner's process id (default: read from <config>.pid).
  -v, --version          Print the version.
  -h, --help             Show this help.

Exit codes: 0 ok; 1 invalid or unreadable config, or a failed command; 2 usage error;
3 cannot listen (port in use); 4 not built (run "npx -y pnpm@10 build").`;

/** Top-level commands, for "did you mean". */
export const COMMANDS = ['start', 'validate', 'reload', 'connectors', 'tokens', 'streams', 'top', 'runners', 'help'] as const;

/** Node exits at once on SIGHUP; until `start` installs its reload handler, a SIGHUP is only remembered. */
const early = { hangup: false };
const rememberHangup = () => void (early.hangup = true);
if (process.argv.slice(2).includes('start')) process.on('SIGHUP', rememberHangup);

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  await import('reflect-metadata');
  if (argv[0] === 'tokens') return (await import('./cli/tokens-command.js')).runTokensCommand(argv.slice(1));
  if (argv[0] === 'connectors') {
    const [{ runConnectorsCli }, { processIo }] = await Promise.all([import('./cli/connectors-command.js'), import('./cli/io.js')]);
    return runConnectorsCli(argv.slice(1), processIo());
  }
  if (argv[0] === 'top') {
    const [{ runStreamsCli }, { processIo }] = await Promise.all([import('./cli/streams-command.js'), import('./cli/io.js')]);
    return runStreamsCli(['top', ...argv.slice(1)], processIo());
  }
  if (argv[0] === 'streams') {
    const [{ runStreamsCli }, { processIo }] = await Promise.all([import('./cli/streams-command.js'), import('./cli/io.js')]);
    return runStreamsCli(argv.slice(1), processIo());
  }
  if (argv[0] === 'runners') {
    const [{ runRunnersCli }, { processIo }] = await Promise.all([import('./cli/runners-command.js'), import('./cli/io.js')]);
    return runRunnersCli(argv.slice(1), processIo());
  }
  const [{ parseTopArgs }, { CliError }, { suggest }] = await Promise.all([
    import('./cli/top-args.js'),
    import('./cli/cli-errors.js'),
    import('./cli/suggest.js'),
  ]);
  const args = parseTopArgs(argv);
  const command = args.command;
  if (args.version) {
    console.log(`outflow ${version()}`);
    return 0;
  }
  if (args.help || !command || command === 'help') {
    console.log(USAGE);
    return command || args.help ? 0 : 2;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const close = suggest(command, COMMANDS);
    throw new CliError(`unknown command "${command}": ${close ? `did you mean "outflow ${close}"? ` : ''}run "outflow --help" for the commands`, 2);
  }
  if (args.extra.length) throw new CliError(`outflow ${command} takes no argument; got "${args.extra[0]}": run "outflow --help"`, 2);
  const { loadConfigChecked } = await import('./config/check-config.js');
  const loaded = await loadConfigChecked(args.config);
  switch (command) {
    case 'validate':
    case 'reload': {
      const { closeTransport, createCliContainer, prepareRegistry } = await import('./app.js');
      const { applyOverrides } = await import('./config/overrides.js');
      applyOverrides(loaded.config, args.overrides);
      const container = createCliContainer(loaded);
      try {
        const registry = await prepareRegistry(loaded, container);
        if (command === 'reload') return (await import('./cli/reload-command.js')).runReload(loaded, args.pid, { out: (t) => console.log(t) });
        console.log(`${loaded.file} is valid: ${loaded.config.streams.length} stream(s); connector types: ${registry.types().join(', ')}.`);
        if (!args.probe) return 0;
        const [{ probeStreams, probeLine }, { Tokens }] = await Promise.all([import('./config/probe-streams.js'), import('./tokens.js')]);
        const probes = await probeStreams(loaded.config, container.resolve(Tokens.OpenConnector));
        for (const p of probes) console.log(probeLine(p));
        const failed = probes.filter((p) => !p.outcome.ok).length;
        console.log(`Probed ${probes.length} stream(s): ${probes.length - failed} ok, ${failed} failed.`);
        return failed ? 1 : 0;
      } finally {
        await closeTransport(container);
      }
    }
    case 'start':
      return (await import('./cli/start-command.js')).runStart(loaded, args.overrides, { hangup: early.hangup, handler: rememberHangup });
    default:
      return 2;
  }
}

/** The module a failed import could not find, when the cause is a missing build (or install). */
function missingModule(err: unknown): string | null {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') return null;
  return /Cannot find (?:module|package) '([^']+)'/.exec(e.message)?.[1] ?? 'a module';
}

/** One line on stderr for every error a person can act on; a stack trace only for a bug. */
async function report(err: unknown): Promise<number> {
  const missing = missingModule(err);
  if (missing) {
    console.error(`Error: outflow is not built (cannot load ${missing}): run "npx -y pnpm@10 install && npx -y pnpm@10 build" in the repository`);
    return 4;
  }
  const [{ isConfigError }, { describeError, exitCodeOf, CliError }, { isStartupError }] = await Promise.all([
    import('@outflow/core'),
    import('./cli/cli-errors.js'),
    import('./startup-error.js'),
  ]);
  if (isConfigError(err)) console.error(err.message);
  else if (isStartupError(err)) console.error(`Error: ${err.message}`);
  else if (err instanceof CliError) console.error(describeError(err));
  else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  if (isStartupError(err)) return err.exitCode;
  return exitCodeOf(err);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  async (err: unknown) => {
    process.exitCode = await report(err).catch(() => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      return 1;
    });
  },
);
