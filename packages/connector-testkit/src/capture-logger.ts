// A Logger that keeps every entry (with its child bindings) so tests can inspect what was logged.
import { inspect } from 'node:util';
import type { Logger } from '@outflow/core';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  /** Child bindings merged with the entry's own fields. */
  fields: Record<string, unknown>;
  msg: string | undefined;
}

export interface CapturedLogs {
  readonly logger: Logger;
  readonly entries: LogEntry[];
  /** Every entry rendered as text (fields through util.inspect, deep), for substring checks. */
  text(): string;
  clear(): void;
}

export function captureLogger(bindings: Record<string, unknown> = {}): CapturedLogs {
  const entries: LogEntry[] = [];
  const make = (bound: Record<string, unknown>): Logger => {
    const at = (level: LogLevel) => (obj: object, msg?: string) => void entries.push({ level, fields: { ...bound, ...obj }, msg });
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (more) => make({ ...bound, ...more }) };
  };
  return {
    logger: make(bindings),
    entries,
    text: () =>
      entries
        .map(
          (e) => `${e.level} ${e.msg ?? ''} ${inspect(e.fields, { depth: 8, breakLength: Infinity, getters: true, showHidden: false })} ${safeJson(e.fields)}`,
        )
        .join('\n'),
    clear: () => void (entries.length = 0),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
