#!/usr/bin/env node
// pnpm create-connector <type> [--into <folder>]: a workspace connector under connectors/ from connectors/_template (create-outflow-connector's generator).
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateConnector } from '../packages/create-outflow-connector/src/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: pnpm create-connector <type> [--into <folder>]   (type: kebab-case, e.g. acme or sumo-logic)';

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { into: { type: 'string' } }, allowPositionals: true, strict: false });
if (!positionals[0]) fail('Missing connector type.');
try {
  const into = typeof values.into === 'string' ? resolve(values.into) : join(ROOT, 'connectors');
  const made = generateConnector({ name: positionals[0], into, mode: 'workspace', templateDir: join(ROOT, 'connectors', '_template') });
  console.log(`Created ${relative(process.cwd(), made.dir) || '.'} (${made.packageName}, export ${made.exportName}, config ${made.configType}).`);
  console.log('Next: npx -y pnpm@10 install, then edit src/config.ts, src/encoder.ts and src/connector.ts and run npx vitest run there.');
} catch (err) {
  fail(err.message);
}
