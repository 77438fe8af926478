// The running runner's pid, kept next to its config file (`<config>.pid`) so `outflow reload` can signal it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export const pidFileOf = (configFile: string): string => `${configFile}.pid`;

/** Writes this process's pid; false when the folder is not writable (reload then needs --pid). */
export function writePidFile(file: string): boolean {
  try {
    writeFileSync(file, `${process.pid}\n`);
    return true;
  } catch {
    return false;
  }
}

/** Removes the pid file if it still names this process (another runner may have taken it over). */
export function removePidFile(file: string): void {
  try {
    if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
  } catch {
    /* already gone */
  }
}

export function readPidFile(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
