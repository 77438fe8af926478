// Runs the CLI for a test: any `outflow` command as the built dist/main.js, or `outflow streams …` in-process.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { runStreamsCli } from '../../src/cli/streams-command.js';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './app.js';
import { startReceiver, type Receiver } from './receiver.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Spawns `node dist/main.js <args>` as a user would, with the given environment added (none of OUTFLOW_TOKEN/URL inherited). */
export function runOutflow(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const clean = { ...process.env };
    delete clean.OUTFLOW_TOKEN;
    delete clean.OUTFLOW_URL;
    execFile(process.execPath, [MAIN, ...args], { env: { ...clean, ...env } }, (error, out, err) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

/** Calls `outflow streams` in this process with captured stdout/stderr (not a terminal: no colour). */
export async function runCli(args: string[], env: Record<string, string | undefined>, confirm?: (q: string) => Promise<boolean>): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStreamsCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), color: false, env, confirm });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Spawns `node dist/main.js streams …` with the given environment added. */
export const spawnCli = (args: string[], env: Record<string, string>): Promise<CliRun> => runOutflow(['streams', ...args], env);

/** The cells of each line of a readable table, split on runs of two or more spaces. */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split(/ {2,}/));
}

/** What a CLI test file runs against: a receiver, a runner, and the environment pointing the CLI at it. */
export interface CliRunner {
  app: TestApp;
  rx: Receiver;
  env: Record<string, string>;
}

/** Starts a receiver and a runner before the file's tests and stops them after; fields are set once started. */
export function useCliRunner(): CliRunner {
  const h = {} as CliRunner;
  beforeAll(async () => {
    h.rx = await startReceiver();
    h.app = await startTestApp(baseConfig(''));
    h.env = { OUTFLOW_URL: h.app.url, OUTFLOW_TOKEN: TOKEN };
  });
  afterAll(async () => {
    await h.app?.stop();
    await h.rx?.close();
  });
  return h;
}
