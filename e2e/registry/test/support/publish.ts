// Packs every workspace package with pnpm (which rewrites workspace: and catalog: ranges), checks the packed manifests, and publishes the public ones.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

export interface PackedPackage {
  name: string;
  version: string;
  file: string;
  manifest: Record<string, any>;
}

const DEP_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;

/** The package.json inside a tarball, as npm will see it. */
export function packedManifest(file: string): Record<string, any> {
  return JSON.parse(execFileSync('tar', ['-xOzf', file, 'package/package.json'], { encoding: 'utf8' })) as Record<string, any>;
}

/** The command line that runs pnpm 10: the pnpm running this test when there is one, else npx. */
function pnpmCommand(): [string, string[]] {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath)) return [process.execPath, [execpath]];
  return ['npx', ['-y', 'pnpm@10']];
}

/** Packs the workspace into `dest`; returns the packages that publish (private ones are packed by pnpm -r but left out). */
export async function packWorkspace(repoRoot: string, dest: string, env: NodeJS.ProcessEnv): Promise<PackedPackage[]> {
  mkdirSync(dest, { recursive: true });
  const [cmd, pre] = pnpmCommand();
  await run(cmd, [...pre, '-r', 'pack', '--pack-destination', dest], { cwd: repoRoot, env, timeoutMs: 180_000 });
  const out: PackedPackage[] = [];
  for (const name of readdirSync(dest)
    .filter((f) => f.endsWith('.tgz'))
    .sort()) {
    const file = join(dest, name);
    const manifest = packedManifest(file);
    if (manifest.private === true) continue;
    out.push({ name: manifest.name as string, version: manifest.version as string, file, manifest });
  }
  return out;
}

/** What is wrong with the packed manifests: workspace:/catalog: ranges, missing files/exports/license, dependencies on unpublished workspace packages. */
export function manifestProblems(packages: readonly PackedPackage[], workspaceNames: ReadonlySet<string>): string[] {
  const published = new Set(packages.map((p) => p.name));
  const problems: string[] = [];
  for (const { name, manifest } of packages) {
    const text = JSON.stringify(manifest);
    if (/"(workspace|catalog):/.test(text)) problems.push(`${name}: the packed package.json still has a workspace: or catalog: range`);
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(String(manifest.version))) problems.push(`${name}: version ${String(manifest.version)} is not semver`);
    if (!manifest.license) problems.push(`${name}: no license`);
    if (name.startsWith('@') && manifest.publishConfig?.access !== 'public') problems.push(`${name}: a scoped package without publishConfig.access "public"`);
    if (!Array.isArray(manifest.files)) problems.push(`${name}: no files list`);
    if (!manifest.exports && !manifest.bin) problems.push(`${name}: no exports`);
    for (const field of DEP_FIELDS) {
      if (field === 'devDependencies') continue;
      for (const dep of Object.keys(manifest[field] ?? {})) {
        if (workspaceNames.has(dep) && !published.has(dep)) problems.push(`${name}: ${field} ${dep} is a workspace package that is never published`);
      }
    }
  }
  return problems;
}

/** Publishes the tarballs, a few at a time (each `npm publish` is mostly waiting). */
export async function publishAll(packages: readonly PackedPackage[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const queue = [...packages];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) await run('npm', ['publish', p.file, '--tag', 'latest'], { cwd, env, timeoutMs: 120_000 });
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}
