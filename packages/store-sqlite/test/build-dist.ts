// Builds dist/ when it is missing or older than src/ (the kill -9 fixture runs the built package).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const newest = (dir: string): number =>
  Math.max(
    0,
    ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs;
    }),
  );

export function ensureBuilt(): void {
  const built = path.join(root, 'dist', 'index.js');
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(path.join(root, 'src'))) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
