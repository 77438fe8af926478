// Why the runner could not start listening (busy port, unknown address, no permission), as one line with the fix.
import { hostname } from 'node:os';

const BRAND = Symbol.for('outflow.StartupError');

/** A start failure the CLI prints as one line and exits with `exitCode` (documented in the README). */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** A StartupError from any copy of the runner. */
export function isStartupError(value: unknown): value is StartupError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Exit code of a start that could not listen. */
export const EXIT_CANNOT_LISTEN = 3;

/** The listen error in a sentence that names the setting and the flag to change. */
export function listenError(err: unknown, server: { port: number; host: string }): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new StartupError(`port ${server.port} is in use: set server.port or --port`, EXIT_CANNOT_LISTEN);
  if (code === 'EACCES')
    return new StartupError(`port ${server.port} needs privileges on ${hostname()}: set server.port or --port to 1024 or above`, EXIT_CANNOT_LISTEN);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new StartupError(`address ${server.host} is not available on this machine: set server.host or --host`, EXIT_CANNOT_LISTEN);
  return err instanceof Error ? err : new Error(String(err));
}
