#!/usr/bin/env node
// Scaffolds connectors/<type> from connectors/_template, renaming package, manifest, identifiers and README.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = join(ROOT, 'connectors', '_template');
const TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SKIP = new Set(['node_modules', 'dist', '.turbo', 'coverage']);
const TEXT = /\.(?:ts|mts|js|mjs|json|md)$/;

const camel = (type) => type.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (type) => camel(type).charAt(0).toUpperCase() + camel(type).slice(1);
const title = (type) => type.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

function usage(message) {
  console.error(`${message}\nUsage: pnpm create-connector <type> [--into <folder>]   (type: kebab-case, e.g. acme or sumo-logic)`);
  process.exit(1);
}

/** The template's text with every template name replaced by the new connector's. */
export function rename(text, type) {
  return text
    .replace(/<!-- template:start -->[\s\S]*?<!-- template:end -->\n*/g, '')
    .replace(/@outflow\/connector-template/g, `@outflow/connector-${type}`)
    .replace(/\btemplate(?=[A-Z])/g, camel(type))
    .replace(/\bTemplate(?=[A-Z])/g, pascal(type))
    .replace(/(?<=[a-z])Template\b/g, pascal(type))
    .replace(/(['"`])template\1/g, `$1${type}$1`)
    .replace(/\bTEMPLATE(?=_)/g, type.toUpperCase().replace(/-/g, '_'))
    .replace(/\bTemplate\b/g, title(type))
    .replace(/\btemplate\b/g, type);
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function main(argv) {
  const args = argv.slice(2);
  const at = args.indexOf('--into');
  const into = at >= 0 ? resolve(args.splice(at, 2)[1] ?? usage('--into needs a folder.')) : join(ROOT, 'connectors');
  const [type] = args;
  if (!type) usage('Missing connector type.');
  if (!TYPE.test(type) || type === 'template') usage(`"${type}" is not a valid connector type.`);
  const target = join(into, type);
  if (existsSync(target)) usage(`${target} already exists.`);

  cpSync(TEMPLATE, target, { recursive: true, filter: (src) => !SKIP.has(src.split(/[\\/]/).pop() ?? '') });
  for (const file of walk(target)) {
    if (!TEXT.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const renamed = rename(text, type);
    if (renamed !== text) writeFileSync(file, renamed);
  }
  const pkgPath = join(target, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  delete pkg.private;
  pkg.description = `Outflow connector for ${title(type)}: POSTs Auth0 log events to its intake.`;
  pkg.outflowConnector = { type, apiVersion: 1, export: `${camel(type)}Connector` };
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);

  const where = relative(process.cwd(), target) || '.';
  console.log(`Created ${where} (@outflow/connector-${type}, export ${camel(type)}Connector, config ${pascal(type)}Config).`);
  console.log('Next: npx -y pnpm@10 install, then edit src/config.ts, src/encoder.ts and src/connector.ts and run npx vitest run there.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv);
