// Lays out a separate copy of the built @outflow/core under a folder's node_modules, as an installed connector would have.
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's root folder (dist/testing/… or src/testing/… → two levels up). */
const CORE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder of an installed dependency of core, found by walking up from its entry. */
function dependencyDir(name: string): string {
  const req = createRequire(join(CORE_ROOT, 'package.json'));
  for (let dir = dirname(req.resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name) return dir;
  }
  throw new Error(`Cannot find the folder of ${name} from ${CORE_ROOT}.`);
}

/**
 * Copies core's package.json and built dist to `<root>/node_modules/@outflow/core` and links
 * its dependencies beside it; returns the copy's folder. Build core first.
 */
export function copyBuiltCore(root: string): string {
  const target = join(root, 'node_modules', '@outflow', 'core');
  if (!existsSync(join(CORE_ROOT, 'dist', 'index.js'))) throw new Error(`@outflow/core is not built (${CORE_ROOT}/dist/index.js is missing).`);
  mkdirSync(target, { recursive: true });
  cpSync(join(CORE_ROOT, 'package.json'), join(target, 'package.json'));
  cpSync(join(CORE_ROOT, 'dist'), join(target, 'dist'), { recursive: true });
  for (const dep of ['zod', 'ipaddr.js']) {
    const link = join(root, 'node_modules', dep);
    if (!existsSync(link)) symlinkSync(dependencyDir(dep), link, 'dir');
  }
  return target;
}
