// The installed `outflow start` as a child process: started from the sandbox's PATH, ready when /health answers, stopped with SIGTERM.
import { spawn } from 'node:child_process';
import { waitFor } from './run.js';

export interface RunnerProcess {
  output(): string;
  stop(): Promise<void>;
}

export async function startRunner(configFile: string, url: string, cwd: string, env: NodeJS.ProcessEnv): Promise<RunnerProcess> {
  const child = spawn('outflow', ['start', '--config', configFile], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited: string | undefined;
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.on('error', (err) => (exited = `could not start: ${err.message}`));
  child.on('exit', (code, signal) => (exited ??= `exited with ${code ?? signal}`));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  };
  try {
    await waitFor(
      'the runner to answer /health',
      async () => {
        if (exited) throw new Error(`outflow start ${exited}`);
        const res = await fetch(`${url}/health`).catch(() => undefined);
        return res?.ok ? true : undefined;
      },
      60_000,
    );
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- runner output\n${output}`);
  }
  return { output: () => output, stop };
}
