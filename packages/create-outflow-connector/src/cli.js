// @ts-check
// The command line of create-outflow-connector (also `outflow connectors new`): parse NAME and --into, generate, print next steps.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generateConnector } from './generate.js';

export const USAGE = `Usage: npm create outflow-connector@latest <name> [-- --into <folder>]
       create-outflow-connector <name> [--into <folder>]

<name> is the connector type (acme → package outflow-connector-acme) or a package name:
outflow-connector-acme or @yourscope/outflow-connector-acme. The package is created in
<folder>/<name without scope> (default folder: the current one).`;

/**
 * Runs the generator from command-line arguments; resolves the exit code (0 created, 1 failed, 2 usage).
 * @param {string[]} argv @param {{ out: (t: string) => void, err: (t: string) => void, cwd: string, usage?: string }} io
 */
export function runCreateCli(argv, io) {
  const usage = io.usage ?? USAGE;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { into: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`${/** @type {Error} */ (err).message}\n\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(usage);
    return 0;
  }
  const [name, ...extra] = parsed.positionals;
  if (!name || extra.length) {
    io.err(`${name ? `Unexpected argument "${extra[0]}".` : 'Missing the connector name.'}\n\n${usage}`);
    return 2;
  }
  try {
    const made = generateConnector({ name, into: parsed.values.into ?? io.cwd, mode: 'standalone' });
    const where = relative(io.cwd, made.dir) || '.';
    io.out(`Created ${where}: package ${made.packageName}, connector type ${made.type}, export ${made.exportName}, config ${made.configType}.`);
    io.out(
      `Next:\n  cd ${where}\n  npm install\n  npm run build\n  npm test          # the conformance suite passes as it is\n  npm publish       # then: outflow connectors install ${made.packageName}`,
    );
    return 0;
  } catch (err) {
    io.err(/** @type {Error} */ (err).message);
    return 1;
  }
}
