#!/usr/bin/env node
// The `outflow` CLI: start, validate, connectors, tokens, streams and runners (each loads only what it needs).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isConfigError } from '@outflow/core';
import { loadConfigFile } from './config/load.js';

const USAGE = `Usage: outflow <command> [--config FILE]

Commands:
  start        Run the service (ingest API, management API, stream workers).
  validate     Check a config file; exits non-zero naming each bad field by its path.
               --probe also asks each stream's destination (credentials, reachability).
  connectors   List the connector types (connectors install <package> adds a connector package,
               connectors new <name> creates one; outflow connectors --help).
  tokens       Mint, list and revoke API tokens in the configured store (outflow tokens --help).
  streams      Manage the log streams of a running runner (outflow streams --help).
  runners      List the live runners and the streams each delivers (outflow runners --help).

Options:
  -c, --config FILE   Config file (default: outflow.yaml)
      --probe         With validate: probe each stream's destination; non-zero exit when one fails.
  -h, --help          Show this help.`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'tokens') return (await import('./cli/tokens-command.js')).runTokensCommand(argv.slice(1));
  if (argv[0] === 'connectors') {
    const [{ runConnectorsCli }, { processIo }] = await Promise.all([import('./cli/connectors-command.js'), import('./cli/io.js')]);
    return runConnectorsCli(argv.slice(1), processIo());
  }
  if (argv[0] === 'streams') {
    const [{ runStreamsCli }, { processIo }] = await Promise.all([import('./cli/streams-command.js'), import('./cli/io.js')]);
    return runStreamsCli(argv.slice(1), processIo());
  }
  if (argv[0] === 'runners') {
    const [{ runRunnersCli }, { processIo }] = await Promise.all([import('./cli/runners-command.js'), import('./cli/io.js')]);
    return runRunnersCli(argv.slice(1), processIo());
  }
  const { values, positionals } = parseArgs({
    args: argv,
    options: { config: { type: 'string', short: 'c', default: 'outflow.yaml' }, help: { type: 'boolean', short: 'h' }, probe: { type: 'boolean' } },
    allowPositionals: true,
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const loaded = loadConfigFile(values.config as string);
  const { closeTransport, createCliContainer, prepareRegistry, startApp } = await import('./app.js');
  switch (command) {
    case 'validate': {
      const container = createCliContainer(loaded);
      try {
        const registry = await prepareRegistry(loaded, container);
        console.log(`${loaded.file} is valid: ${loaded.config.streams.length} stream(s); connector types: ${registry.types().join(', ')}.`);
        if (!values.probe) return 0;
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
    case 'start': {
      const app = await startApp(loaded);
      console.log((await import('./cli/banner.js')).startBanner(app.url, loaded));
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.logger.info({ signal }, 'Shutting down.');
        app.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      return -1;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (isConfigError(err)) console.error(err.message);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);
