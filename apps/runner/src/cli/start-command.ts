// `outflow start`: runs the runner; SIGTERM/SIGINT stop it gracefully, SIGHUP reloads the config file (never kills it).
import type { LoadedConfig } from '../config/load.js';
import type { ConfigOverrides } from '../config/overrides.js';
import { watchLaunchers } from './launcher-watch.js';
import { pidFileOf, removePidFile, writePidFile } from './pid-file.js';

/** Starts the runner; resolves -1 (the process keeps running until a signal stops it). */
export async function runStart(
  loaded: LoadedConfig,
  overrides: ConfigOverrides,
  early: { hangup: boolean; handler?: () => void } = { hangup: false },
): Promise<number> {
  // Installed before anything starts: Node's default for SIGHUP is to exit at once.
  let reload: (() => void) | null = null;
  let pendingReload = early.hangup;
  process.on('SIGHUP', () => {
    if (reload) reload();
    else pendingReload = true;
  });
  if (early.handler) process.off('SIGHUP', early.handler);
  const [{ startApp }, { startBanner }] = await Promise.all([import('../app.js'), import('./banner.js')]);
  const app = await startApp(loaded, { overrides });
  const pidFile = pidFileOf(loaded.file);
  if (!writePidFile(pidFile)) app.logger.warn({ file: pidFile }, 'The pid file could not be written: "outflow reload" needs --pid.');
  // The banner is for people: it goes to stderr with the logs, so stdout carries only console-stream output.
  process.stderr.write(`${startBanner(app.url, loaded)}\n`);
  reload = () => {
    app.reload().catch((err: unknown) => app.logger.error({ err }, 'The config reload failed: the running config is kept.'));
  };
  if (pendingReload) reload();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'Shutting down.');
    removePidFile(pidFile);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Through `npx pnpm start`, a SIGTERM to npx kills npx and its shell but not this process: stop when they go.
  watchLaunchers((pid) => {
    app.logger.warn({ launcher: pid }, 'The package manager that started the runner exited.');
    stop('launcher-exit');
  });
  process.on('SIGINT', () => stop('SIGINT'));
  return -1;
}
