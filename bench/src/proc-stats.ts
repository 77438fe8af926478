// Reads a process's CPU time and memory from /proc (the runner is another process).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticks: number | undefined;
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** User + system CPU seconds of the process, all threads included. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return Number.NaN;
  }
}

/** `VmRSS` and `VmHWM` (peak resident set) in bytes. */
export function memory(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: Number.NaN, hwm: Number.NaN };
  }
}

export interface Sampler {
  /** Peak RSS seen so far (bytes), the larger of the samples and VmHWM. */
  peak(): number;
  stop(): number;
}

/** Samples VmRSS every `everyMs` (VmHWM is read too, so short peaks are not missed). */
export function sampleMemory(pid: number, everyMs = 100): Sampler {
  let peak = 0;
  const tick = () => {
    const m = memory(pid);
    peak = Math.max(peak, Number.isNaN(m.rss) ? 0 : m.rss, Number.isNaN(m.hwm) ? 0 : m.hwm);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    peak: () => peak,
    stop() {
      tick();
      clearInterval(timer);
      return peak;
    },
  };
}
