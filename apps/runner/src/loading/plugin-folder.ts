// The plugin folder beside the config file: where `outflow connectors install` puts connector packages (its own package.json and node_modules).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The plugin folder's name, beside the config file. */
export const PLUGIN_FOLDER = 'outflow-plugins';

/** `<config dir>/outflow-plugins`. */
export function pluginFolder(configDir: string): string {
  return join(resolve(configDir), PLUGIN_FOLDER);
}

/** The folder of package `name` installed in the plugin folder of `configDir`, or null when it is not installed there. */
export function pluginPackageDir(name: string, configDir: string): string | null {
  const dir = join(pluginFolder(configDir), 'node_modules', ...name.split('/'));
  return existsSync(join(dir, 'package.json')) ? dir : null;
}
