// Finds a connector package (by name in the plugin folder or under node_modules, or by path) and its ESM entry through "exports", "main" or dist/index.js.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PLUGIN_FOLDER, pluginPackageDir } from './plugin-folder.js';

/** Conditions the runner imports with (Node's ESM loader order). */
const CONDITIONS = new Set(['import', 'node', 'default']);

export interface ResolvedPackage {
  dir: string;
  pkg: Record<string, unknown>;
  entry: string;
}

export function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec);
}

/** The folder of package `name`: the plugin folder of `fromDir` first, then node_modules of `fromDir` or a parent folder. */
function findPackageDir(name: string, fromDir: string): string {
  const plugin = pluginPackageDir(name, fromDir);
  if (plugin) return plugin;
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', ...name.split('/'));
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `cannot be resolved from ${fromDir}: it is not in ${PLUGIN_FOLDER}/node_modules and there is no node_modules/${name}/package.json there or in a parent folder; install it with: outflow connectors install ${name}`,
  );
}

/** The target of one conditional export (string, array or nested conditions), or undefined. */
function matchConditions(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = matchConditions(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [key, value] of Object.entries(target)) {
      if (!CONDITIONS.has(key)) continue;
      const found = matchConditions(value);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The "." target of a package's "exports" field (sugar, subpath map or conditions). */
function mainExport(exportsField: unknown): { target?: string; why?: string } {
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return { target: matchConditions(exportsField) };
  if (!exportsField || typeof exportsField !== 'object') return { why: 'package.json "exports" is neither a string nor an object' };
  const keys = Object.keys(exportsField);
  const subpaths = keys.some((k) => k.startsWith('.'));
  if (subpaths && !keys.every((k) => k.startsWith('.'))) return { why: 'package.json "exports" mixes subpaths and conditions' };
  const dot = subpaths ? (exportsField as Record<string, unknown>)['.'] : exportsField;
  if (dot === undefined) return { why: 'package.json "exports" has no "." entry' };
  const target = matchConditions(dot);
  return target === undefined ? { why: `package.json "exports" has no "." target for the conditions ${[...CONDITIONS].join(', ')}` } : { target };
}

function entryOf(dir: string, pkg: Record<string, unknown>): string {
  let file: string;
  if (pkg.exports !== undefined) {
    const { target, why } = mainExport(pkg.exports);
    if (target === undefined) throw new Error(`has no importable entry: ${why ?? 'no "." export'}`);
    if (!target.startsWith('./')) throw new Error(`has an invalid package.json "exports" target ${JSON.stringify(target)} (it must start with "./")`);
    file = resolve(dir, target);
    const inside = relative(dir, file);
    if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('node_modules')) {
      throw new Error(`has a package.json "exports" target ${JSON.stringify(target)} outside the package`);
    }
    if (!existsSync(file)) throw new Error(`has no file ${file} (its package.json "exports" target ${JSON.stringify(target)}); is it built?`);
    return file;
  }
  const candidates = typeof pkg.main === 'string' ? [pkg.main] : ['dist/index.js', 'index.js'];
  for (const candidate of candidates) {
    file = resolve(dir, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  throw new Error(`has no entry file: ${candidates.map((c) => resolve(dir, c)).join(' or ')} does not exist (package.json has no "exports"); is it built?`);
}

/** Resolves a config's connector entry (package name or folder path) from `fromDir`. */
export function resolveConnectorPackage(spec: string, fromDir: string): ResolvedPackage {
  const dir = isPathSpec(spec) ? resolve(fromDir, spec) : findPackageDir(spec, fromDir);
  const pkgFile = join(dir, 'package.json');
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `has no package.json at ${pkgFile}` : `has an unreadable package.json at ${pkgFile} (${(err as Error).message})`);
  }
  if (!pkg || typeof pkg !== 'object' || Array.isArray(pkg)) throw new Error(`has a package.json at ${pkgFile} that is not an object`);
  return { dir, pkg, entry: entryOf(dir, pkg) };
}
