// Request/response and pushed notices between the bench and its child processes over the fork IPC channel.
import { fork, type ChildProcess } from 'node:child_process';

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}
interface Notice {
  notice: string;
  data?: unknown;
}
type Message = Reply | Notice;

export interface ChildHandle {
  readonly pid: number;
  request<T>(cmd: string, args?: unknown): Promise<T>;
  /** Resolves with the data of the next notice of this name. */
  once<T>(notice: string, timeoutMs: number): Promise<T>;
  on(notice: string, listener: (data: unknown) => void): void;
  stop(): Promise<void>;
}

/** Forks `script` with structured-clone IPC (typed arrays and Buffers pass as they are). */
export function forkChild(script: string, execArgv: string[] = []): ChildHandle {
  const proc: ChildProcess = fork(script, [], { serialization: 'advanced', execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  const listeners = new Map<string, Array<(data: unknown) => void>>();
  let exited = false;
  proc.on('message', (raw) => {
    const m = raw as Message;
    if ('notice' in m) {
      for (const l of listeners.get(m.notice) ?? []) l(m.data);
      return;
    }
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p?.ok(m.result);
    else p?.fail(new Error(m.error ?? 'child request failed'));
  });
  proc.on('exit', (code, signal) => {
    exited = true;
    for (const p of pending.values()) p.fail(new Error(`${script} exited (${code ?? signal}) before answering`));
    pending.clear();
  });
  const on = (notice: string, listener: (data: unknown) => void) => listeners.set(notice, [...(listeners.get(notice) ?? []), listener]);
  return {
    pid: proc.pid ?? -1,
    request<T>(cmd: string, args?: unknown): Promise<T> {
      if (exited) return Promise.reject(new Error(`${script} has exited`));
      const id = nextId++;
      return new Promise<T>((ok, fail) => {
        pending.set(id, { ok: ok as (v: unknown) => void, fail });
        proc.send({ id, cmd, args });
      });
    },
    once<T>(notice: string, timeoutMs: number): Promise<T> {
      return new Promise<T>((ok, fail) => {
        let done = false;
        const timer = setTimeout(() => {
          done = true;
          fail(new Error(`no "${notice}" from ${script} within ${timeoutMs} ms`));
        }, timeoutMs);
        timer.unref();
        on(notice, (data) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          ok(data as T);
        });
      });
    },
    on,
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((ok) => proc.once('exit', () => ok()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** Child side: answers requests with the handlers and returns a function that pushes notices. */
export function serveIpc(handlers: Record<string, (args: unknown) => unknown>): (notice: string, data?: unknown) => void {
  process.on('message', (raw) => {
    const { id, cmd, args } = raw as { id: number; cmd: string; args: unknown };
    const handler = handlers[cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${cmd}`);
        return handler(args);
      })
      .then(
        (result) => process.send?.({ id, ok: true, result }),
        (err: unknown) => process.send?.({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
  });
  process.on('disconnect', () => process.exit(0));
  return (notice, data) => process.send?.({ notice, data });
}

/** Absolute wall-clock time in ms with sub-millisecond resolution, comparable across processes. */
export const wallNow = (): number => performance.timeOrigin + performance.now();
