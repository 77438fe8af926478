// Stops the runner when the package manager that launched it (npx, pnpm, npm and their `sh -c`) dies: those do not pass SIGTERM on.
import { readFileSync } from 'node:fs';

const LAUNCHER = /(^|\/)(npm|npx|pnpm|yarn|corepack|sh|bash|dash)(\.c?js)?$|npm-cli\.js|npx-cli\.js|\/pnpm\/|\/\.bin\/pnpm|npm exec/;

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function isLauncher(pid: number): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // `node /…/pnpm start`, `npm exec pnpm@10 start`, `sh -c …`: the program or its script names a launcher.
    return argv.slice(0, 2).some((a) => LAUNCHER.test(a));
  } catch {
    return false;
  }
}

/** The chain of launcher processes above this one (nearest first); empty when not run by a package manager or not on Linux. */
export function launcherChain(): number[] {
  if (process.platform !== 'linux' || !process.env.npm_lifecycle_event) return [];
  const chain: number[] = [];
  for (let pid = process.ppid; pid > 1 && isLauncher(pid); pid = parentOf(pid) ?? 0) chain.push(pid);
  return chain;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Calls `onGone` once when any launcher above this process exits; returns a function that stops watching. */
export function watchLaunchers(onGone: (pid: number) => void, intervalMs = 1000): () => void {
  const chain = launcherChain();
  if (chain.length === 0) return () => {};
  const timer = setInterval(() => {
    const gone = chain.find((pid) => !alive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(gone);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
