// Runs npm for `outflow connectors install` with the user's own npm configuration (registry, auth, proxy) and names its failures.
import { spawn } from 'node:child_process';
import { CliError } from './cli-errors.js';

export interface NpmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm <args>` (from PATH) and collects its output. */
export function runNpm(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<NpmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', [...args], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', (err) =>
      reject(new CliError(`Cannot run npm (${(err as NodeJS.ErrnoException).code ?? err.message}); outflow connectors install needs npm on the PATH.`)),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The error for a failed `npm install <spec>`: not found, no matching version, or npm's own error lines. */
export function npmInstallError(spec: string, result: NpmResult): CliError {
  const lines = result.stderr
    .split('\n')
    .map((l) => l.replace(/^npm (error|ERR!) ?/, '').trim())
    .filter((l) => l && !/^(A complete log|Log files were|\/)/.test(l));
  const text = result.stderr;
  if (/\bE404\b/.test(text)) {
    const url = /404 Not Found - GET (\S+)/.exec(text)?.[1];
    return new CliError(
      `Package ${spec} was not found in the npm registry${url ? ` (${url.replace(/\/[^/]*$/, '/')})` : ''}. Check the name, or the registry in your npm configuration (npm config get registry).`,
    );
  }
  if (/\bETARGET\b/.test(text))
    return new CliError(`No version of ${spec} matches: ${lines.find((l) => /No matching version/i.test(l)) ?? 'npm found no matching version'}.`);
  return new CliError(`npm install ${spec} failed (exit code ${result.code}):\n  ${lines.slice(0, 8).join('\n  ') || 'no output'}`);
}
