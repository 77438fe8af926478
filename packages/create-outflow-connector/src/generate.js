// @ts-check
// Writes a new connector package from the template: a workspace package inside the repository, or a standalone one anywhere else.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { camel, parseConnectorName, pascal, rename, title } from './names.js';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The template this package ships (copied from connectors/_template when it is built). */
export const BUNDLED_TEMPLATE = join(PACKAGE_DIR, 'template');
const SKIP = new Set(['node_modules', 'dist', '.turbo', 'coverage']);
const TEXT = /\.(?:ts|mts|js|mjs|json|md)$/;

/** @param {string} dir @param {string[]} out */
function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** @param {string} file @param {unknown} value */
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/**
 * The package.json of a standalone connector: the template's, with published semver ranges in place of
 * `workspace:` and `catalog:` and its own build, typecheck and test scripts.
 * @param {Record<string, any>} template @param {Record<string, string | null>} versions @param {{ packageName: string, type: string }} names
 */
function standalonePackageJson(template, versions, { packageName, type }) {
  /** @param {Record<string, string> | undefined} deps */
  const pin = (deps) => {
    if (!deps) return undefined;
    /** @type {Record<string, string>} */
    const out = {};
    for (const name of Object.keys(deps).sort()) {
      if (name === '@outflow/tsconfig') continue; // its options are inlined in tsconfig.json
      const range = versions[name];
      if (range === undefined) throw new Error(`The template has no published version for ${name}; rebuild create-outflow-connector.`);
      if (range === null) continue; // a workspace-only tool
      out[name] = /^\d/.test(range) ? `~${range}` : range;
    }
    return out;
  };
  return {
    name: packageName,
    version: '0.1.0',
    description: `Outflow connector for ${title(type)}: POSTs Auth0 log events to its intake.`,
    keywords: ['outflow', 'outflow-connector'],
    type: 'module',
    license: template.license,
    // A scoped package is private on npmjs.com unless published with public access.
    ...(packageName.startsWith('@') ? { publishConfig: { access: 'public' } } : {}),
    engines: template.engines,
    exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './package.json': './package.json' },
    files: ['dist', 'README.md'],
    scripts: { build: 'tsc -p tsconfig.build.json', typecheck: 'tsc -p tsconfig.json', test: 'vitest run', prepublishOnly: 'npm run build' },
    dependencies: pin(template.dependencies),
    peerDependencies: pin(template.peerDependencies),
    devDependencies: pin(template.devDependencies),
    outflowConnector: { type, apiVersion: template.outflowConnector.apiVersion, export: `${camel(type)}Connector` },
  };
}

/** @param {string} target @param {Record<string, unknown>} compilerOptions */
function writeStandaloneConfigs(target, compilerOptions) {
  writeJson(join(target, 'tsconfig.json'), { compilerOptions: { ...compilerOptions, noEmit: true }, include: ['src', 'test'] });
  writeJson(join(target, 'tsconfig.build.json'), {
    extends: './tsconfig.json',
    compilerOptions: { noEmit: false, outDir: 'dist', rootDir: 'src' },
    include: ['src'],
    exclude: ['src/**/*.test.ts'],
  });
  writeFileSync(
    join(target, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'], restoreMocks: true, testTimeout: 30_000 } });\n",
  );
  writeFileSync(join(target, '.gitignore'), 'node_modules/\ndist/\n');
}

/**
 * Creates the connector package `name` under `into`.
 * - `workspace`: copies `templateDir` (connectors/_template) as it is, renamed; the repository's pnpm resolves it.
 * - `standalone`: the template's src, test and README with a package.json of published ranges and self-contained configs.
 * @param {{ name: string, into: string, mode?: 'workspace' | 'standalone', templateDir?: string }} options
 * @returns {{ dir: string, packageName: string, type: string, exportName: string, configType: string }}
 */
export function generateConnector({ name, into, mode = 'standalone', templateDir }) {
  const names = parseConnectorName(name, mode);
  const target = resolve(into, names.folder);
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} already exists and is not empty.`);
  if (mode === 'workspace') {
    if (!templateDir) throw new Error('A workspace connector needs the template folder (connectors/_template).');
    cpSync(templateDir, target, { recursive: true, filter: (src) => !SKIP.has(src.split(/[\\/]/).pop() ?? '') });
  } else {
    const source = templateDir ?? BUNDLED_TEMPLATE;
    const metaFile = join(source, 'template.json');
    if (!existsSync(metaFile))
      throw new Error(`No template at ${source}: build create-outflow-connector first (npx -y pnpm@10 --filter create-outflow-connector build).`);
    mkdirSync(target, { recursive: true });
    cpSync(join(source, 'files'), target, { recursive: true });
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    writeJson(join(target, 'package.json'), standalonePackageJson(meta.package, meta.versions, names));
    writeStandaloneConfigs(target, meta.compilerOptions);
  }
  for (const file of walk(target)) {
    if (!TEXT.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const renamed = rename(text, names);
    if (renamed !== text) writeFileSync(file, renamed);
  }
  if (mode === 'workspace') {
    const pkgPath = join(target, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    delete pkg.private;
    pkg.description = `Outflow connector for ${title(names.type)}: POSTs Auth0 log events to its intake.`;
    pkg.outflowConnector = { type: names.type, apiVersion: pkg.outflowConnector.apiVersion, export: `${camel(names.type)}Connector` };
    writeJson(pkgPath, pkg);
  }
  return {
    dir: target,
    packageName: names.packageName,
    type: names.type,
    exportName: `${camel(names.type)}Connector`,
    configType: `${pascal(names.type)}Config`,
  };
}
