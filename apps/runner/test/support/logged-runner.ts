// A runner child process whose stdout and stderr are kept apart, for reload and CLI-process tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from './wait.js';

export const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface LoggedRunner {
  proc: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Waits until stderr matches `pattern` (at least `times` times) and returns the matches' count. */
  waitForLog(pattern: RegExp, times?: number, timeoutMs?: number): Promise<number>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export const countOf = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

/** Starts `outflow start --config <config> ...args` and resolves once the banner gives its URL. */
export async function startLoggedRunner(config: string, args: string[] = []): Promise<LoggedRunner> {
  const proc = spawn(process.execPath, [MAIN, 'start', '--config', config, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  let exited = false;
  void exit.then(() => (exited = true));
  await eventually(() => exited || /Outflow is running at (http:\/\/\S+)/.test(err), 30_000, 'The runner did not start in time.');
  if (exited) throw new Error(`The runner exited: ${err}`);
  const url = (/Outflow is running at (http:\/\/\S+)/.exec(err) as RegExpExecArray)[1] as string;
  return {
    proc,
    url,
    stdout: () => out,
    stderr: () => err,
    async waitForLog(pattern, times = 1, timeoutMs = 20_000) {
      await eventually(() => countOf(err, pattern) >= times, timeoutMs, `The log did not show ${pattern} ${times} time(s):\n${err.slice(-3000)}`);
      return countOf(err, pattern);
    },
    async stop() {
      if (!exited) proc.kill('SIGTERM');
      return exit;
    },
  };
}
