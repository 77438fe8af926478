// Build step: copies connectors/_template (src, test, README) into template/ with the versions a package outside the repo depends on.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(PKG, '../..');
const SOURCE = join(ROOT, 'connectors', '_template');
const OUT = join(PKG, 'template');

/** The `catalog:` section of pnpm-workspace.yaml (flat `name: range` lines). */
function readCatalog() {
  const text = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const section = /^catalog:\n((?:[ \t]+.*\n?)*)/m.exec(text)?.[1] ?? '';
  const out = {};
  for (const line of section.split('\n')) {
    const m = /^\s+["']?([^"':]+)["']?:\s*["']?([^"'\s#]+)["']?/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Every workspace package by name: its version and whether it is private. */
function readWorkspace() {
  const out = {};
  for (const group of ['apps', 'packages', 'connectors', 'tooling']) {
    for (const name of readdirSync(join(ROOT, group))) {
      const file = join(ROOT, group, name, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      out[pkg.name] = { version: pkg.version, private: pkg.private === true };
    }
  }
  return out;
}

/** The published range of each of the template's dependencies; null for a workspace package that is never published. */
function versionsOf(template) {
  const catalog = readCatalog();
  const workspace = readWorkspace();
  const versions = {};
  for (const field of ['dependencies', 'peerDependencies', 'devDependencies']) {
    for (const [name, spec] of Object.entries(template[field] ?? {})) {
      if (spec.startsWith('workspace:')) {
        const ws = workspace[name];
        if (!ws) throw new Error(`The template depends on ${name}, which is not a workspace package.`);
        versions[name] = ws.private ? null : `^${ws.version}`;
      } else if (spec.startsWith('catalog:')) {
        const range = catalog[name];
        if (!range) throw new Error(`The template depends on ${name} from the catalog, which has no entry for it.`);
        versions[name] = range;
      } else versions[name] = spec;
    }
  }
  return versions;
}

const template = JSON.parse(readFileSync(join(SOURCE, 'package.json'), 'utf8'));
const base = JSON.parse(readFileSync(join(ROOT, 'tooling', 'tsconfig', 'base.json'), 'utf8'));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'files'), { recursive: true });
for (const item of ['src', 'test', 'README.md']) cpSync(join(SOURCE, item), join(OUT, 'files', item), { recursive: true });
const meta = { package: template, versions: versionsOf(template), compilerOptions: base.compilerOptions };
writeFileSync(join(OUT, 'template.json'), `${JSON.stringify(meta, null, 2)}\n`);
console.log(`Copied connectors/_template to ${OUT}.`);
