// The runner as a child process (dist/main.js) for crash tests: start it, load it until it dies, wait for its exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TOKEN } from './app.js';
import { ingest, makeEvent } from './events.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Starts `outflow start --config <config>` and resolves once it says where it runs. */
export function startRunner(config: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [MAIN, 'start', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The runner did not start: ${out}`)), 20_000);
    // The banner goes to stderr with the logs (stdout is the console connector's).
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /Outflow is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] as string });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`The runner exited with ${code}: ${out}`)));
  });
}

/** Resolves with the exit code, also when the process already exited. */
export function exited(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((r) => proc.once('exit', (code) => r(code)));
}

export interface Loader {
  /** The log_ids of every batch the runner acknowledged (202). */
  acked: string[];
  /** Stops sending and resolves once the last batch settled. */
  stop(): Promise<void>;
}

/** Ingests batches of 200 events back to back until stopped or the runner dies mid-request (that batch was never acknowledged). */
export function ingestUntilStopped(url: string): Loader {
  const acked: string[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const events = Array.from({ length: 200 }, () => makeEvent());
      try {
        const res = await ingest(url, TOKEN, events);
        if (res.status === 202) acked.push(...events.map((e) => e.log_id as string));
      } catch {
        return;
      }
    }
  })();
  return {
    acked,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
