// `outflow connectors install <package>[@version]`: npm-installs a connector into the plugin folder beside the config, checks it loads, lists it in the config.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinConnectors } from '../loading/builtin.js';
import { loadConnectorPackage } from '../loading/package-loader.js';
import { PLUGIN_FOLDER, pluginFolder } from '../loading/plugin-folder.js';
import { CliError } from './cli-errors.js';
import { addConnectorToConfig } from './config-connectors.js';
import { npmInstallError, runNpm } from './npm-process.js';
import type { CliIo } from './types.js';

const REGISTRY_SPEC = /^((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*)(?:@[^/]+)?$/i;

/** The package name in a registry spec (`name`, `name@range`, `@scope/name@tag`); undefined for paths, tarballs and git URLs. */
export function packageNameOf(spec: string): string | undefined {
  return REGISTRY_SPEC.exec(spec)?.[1];
}

type Deps = Record<string, string>;

function readDeps(folder: string): Deps {
  const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { dependencies?: Deps };
  return pkg.dependencies ?? {};
}

/** Creates `<config dir>/outflow-plugins/package.json` when it is missing. */
function ensurePluginFolder(folder: string): void {
  if (existsSync(join(folder, 'package.json'))) return;
  mkdirSync(folder, { recursive: true });
  const pkg = {
    name: PLUGIN_FOLDER,
    private: true,
    description: 'Connector packages of the Outflow runner config beside this folder (outflow connectors install).',
    dependencies: {},
  };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

/** The package npm just installed: the named one, else the one dependency that was added or changed. */
function installedName(spec: string, before: Deps, after: Deps): string {
  const named = packageNameOf(spec);
  if (named && after[named]) return named;
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
  if (changed.length === 1 && changed[0]) return changed[0];
  throw new CliError(`npm installed ${spec}, but its package name cannot be told from ${PLUGIN_FOLDER}/package.json; install it by name.`);
}

export async function installConnector(spec: string, configFile: string, io: CliIo): Promise<number> {
  const file = resolve(configFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`Cannot read the configuration file ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); pass it with --config.`);
  }
  const configDir = dirname(file);
  const folder = pluginFolder(configDir);
  ensurePluginFolder(folder);
  const before = readDeps(folder);
  io.err(`Installing ${spec} into ${folder} …`);
  const result = await runNpm(['install', '--prefix', folder, '--save', '--no-audit', '--no-fund', spec], io.env);
  if (result.code !== 0) throw npmInstallError(spec, result);
  const name = installedName(spec, before, readDeps(folder));

  let type: string;
  try {
    type = (await loadConnectorPackage(name, configDir)).type;
  } catch (err) {
    const message = (err as Error).message;
    if (before[name] === undefined) await runNpm(['uninstall', '--prefix', folder, '--no-audit', '--no-fund', name], io.env);
    const removed = before[name] === undefined ? ` It was removed from ${PLUGIN_FOLDER}.` : '';
    const what = /outflowConnector" manifest/.test(message) ? ': it is not an Outflow connector' : '';
    throw new CliError(`Package ${name} ${message}${what}.${removed}`);
  }

  const version = (JSON.parse(readFileSync(join(folder, 'node_modules', ...name.split('/'), 'package.json'), 'utf8')) as { version?: string }).version;
  const edit = addConnectorToConfig(text, name, Object.keys(builtinConnectors), file);
  if (edit.change === 'added') writeFileSync(file, edit.text);
  const listed = {
    added: `added it to connectors: in ${file}`,
    'already-listed': `connectors: in ${file} already lists it`,
    'built-in': `it replaces the built-in copy (connectors: in ${file} is unchanged)`,
  }[edit.change];
  io.out(`Installed ${name}@${version ?? '?'} (connector type "${type}") in ${folder}; ${listed}.`);
  io.out(`Streams of type "${type}" can use it once the runner is restarted.`);
  return 0;
}
