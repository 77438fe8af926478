// `outflow connectors [list | install | new]`: the installed connector types, installing a connector package, scaffolding a new one.
import { parseArgs } from 'node:util';
import { describeError, exitCodeOf } from './cli-errors.js';
import type { CliIo } from './types.js';

export const CONNECTORS_USAGE = `Usage: outflow connectors [list] [--config FILE]
       outflow connectors install <package>[@version] [--config FILE]
       outflow connectors new <name> [--into DIR]

  list      The connector types the config loads, with the package of each (the default).
  install   npm-installs a connector package into outflow-plugins/ beside the config file (with
            your npm configuration: registry, auth, proxy), checks that it is an Outflow
            connector for this runner, and adds it to the config's connectors: list.
  new       Creates a connector package (outflow-connector-<name>, or the package name given)
            in DIR (default: the current folder); the same as npm create outflow-connector.

Options:
  -c, --config FILE   Config file (default: outflow.yaml)
      --into DIR      With new: the parent folder of the package.`;

async function list(configFile: string, io: CliIo): Promise<number> {
  const [{ loadConfigFile }, { loadConnectors }, { createConnectorRegistry }] = await Promise.all([
    import('../config/load.js'),
    import('../loading/package-loader.js'),
    import('../loading/registry.js'),
  ]);
  const loaded = loadConfigFile(configFile);
  const registry = createConnectorRegistry(await loadConnectors(loaded.config.connectors, loaded.dir));
  for (const e of registry.entries()) io.out(`${e.type.padEnd(14)} ${e.definition.displayName.padEnd(28)} ${e.source}`);
  return 0;
}

/** Runs `outflow connectors …` with `argv` after "connectors"; resolves the exit code (0 ok, 1 failed, 2 usage). */
export async function runConnectorsCli(argv: readonly string[], io: CliIo): Promise<number> {
  const commands = new Set(['list', 'install', 'new', 'help']);
  const first = argv[0];
  const command = first && commands.has(first) ? first : 'list';
  const rest = first && commands.has(first) ? argv.slice(1) : argv;
  if (command === 'new') {
    const { runCreateCli } = await import('create-outflow-connector');
    return runCreateCli([...rest], { out: io.out, err: io.err, cwd: process.cwd(), usage: CONNECTORS_USAGE });
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { config: { type: 'string', short: 'c', default: 'outflow.yaml' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${CONNECTORS_USAGE}`);
    return 2;
  }
  if (command === 'help' || parsed.values.help) {
    io.out(CONNECTORS_USAGE);
    return 0;
  }
  const config = parsed.values.config as string;
  try {
    if (command === 'list') {
      if (parsed.positionals.length) {
        io.err(`Unknown command "connectors ${parsed.positionals[0]}".\n\n${CONNECTORS_USAGE}`);
        return 2;
      }
      return await list(config, io);
    }
    const [spec, ...extra] = parsed.positionals;
    if (!spec || extra.length) {
      io.err(`${spec ? `Unexpected argument "${extra[0]}".` : 'Missing the package to install.'}\n\n${CONNECTORS_USAGE}`);
      return 2;
    }
    const { installConnector } = await import('./connectors-install.js');
    return await installConnector(spec, config, io);
  } catch (err) {
    io.err(describeError(err));
    return exitCodeOf(err);
  }
}
