// `outflow reload`: checks the config file, then sends SIGHUP to the runner started with it (pid file or --pid).
import type { LoadedConfig } from '../config/load.js';
import { CliError } from './cli-errors.js';
import { EXIT } from './exit-codes.js';
import { pidFileOf, readPidFile } from './pid-file.js';

export interface ReloadIo {
  out(text: string): void;
}

/** Signals the runner; the config was already checked by the caller (an invalid file is never sent). */
export function runReload(loaded: LoadedConfig, pidFlag: number | undefined, io: ReloadIo): number {
  const pidFile = pidFileOf(loaded.file);
  const pid = pidFlag ?? readPidFile(pidFile);
  if (pid === null)
    throw new CliError(`no running runner found for ${loaded.file} (no pid file ${pidFile}): start it with "outflow start", or pass --pid`, EXIT.failed);
  try {
    process.kill(pid, 'SIGHUP');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ESRCH')
      throw new CliError(`no process ${pid} is running${pidFlag ? '' : ` (stale pid file ${pidFile})`}: start the runner, or pass --pid`, EXIT.failed);
    if (code === 'EPERM') throw new CliError(`not allowed to signal process ${pid}: run "outflow reload" as the runner's user`, EXIT.failed);
    throw err;
  }
  io.out(`Sent SIGHUP to the runner (pid ${pid}): it re-reads ${loaded.file}; its log says what changed.`);
  return EXIT.ok;
}
