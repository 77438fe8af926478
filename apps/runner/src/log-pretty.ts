// `log.format: pretty`: turns pino's JSON lines into one readable line each (time, level, component, message, fields).
import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

/** One pretty line of a pino JSON line; a line that is not JSON is kept as it is. */
export function prettyLine(line: string): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, component, ...fields } = rec;
  const head = [String(time ?? ''), (LEVELS[level as number] ?? String(level)).padEnd(5)];
  if (component) head.push(`[${String(component)}]`);
  head.push(String(msg ?? ''));
  const rest = Object.entries(fields).map(([k, v]) => `${k}=${value(v)}`);
  return [...head, ...rest].join(' ');
}

export function prettyLines(target: DestinationStream): DestinationStream {
  return {
    write(chunk: string) {
      const text = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
      target.write(`${text.split('\n').map(prettyLine).join('\n')}\n`);
    },
  };
}
