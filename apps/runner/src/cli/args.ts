// Command-line parsing for `outflow streams …`: shared flags, strict per-command options, usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every `streams` command accepts. */
export const COMMON_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments; unknown flags and missing values become usage errors (exit code 2). */
export function parseCommand(argv: readonly string[], options: Options, command: string): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    throw new CliError(`${(err as Error).message.replace(/\. To specify a positional argument.*$/s, '.')} See "outflow streams ${command} --help".`, 2);
  }
}

export const str = (p: Parsed, name: string): string | undefined => p.values[name] as string | undefined;
export const list = (p: Parsed, name: string): string[] => (p.values[name] as string[] | undefined) ?? [];
export const flag = (p: Parsed, name: string): boolean => p.values[name] === true;

/** The single `<id>` positional a command needs. */
export function streamId(p: Parsed, command: string): string {
  const [id, ...extra] = p.positionals;
  if (!id) throw new CliError(`Missing the stream id: outflow streams ${command} <id>.`, 2);
  if (extra.length) throw new CliError(`Unexpected argument "${extra[0]}" after the stream id.`, 2);
  return id;
}

export function noPositionals(p: Parsed, command: string): void {
  if (p.positionals.length) throw new CliError(`outflow streams ${command} takes no argument; got "${p.positionals[0]}".`, 2);
}

/** A non-negative integer flag, or undefined when absent; with `range`, one from `range.min` to `range.max`. */
export function intFlag(p: Parsed, name: string, range?: { min: number; max: number }): number | undefined {
  const raw = str(p, name);
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (range && !(n >= range.min && n <= range.max)) throw new CliError(`--${name} must be an integer from ${range.min} to ${range.max}, got "${raw}".`, 2);
  if (Number.isNaN(n)) throw new CliError(`--${name} must be a non-negative integer, got "${raw}".`, 2);
  return n;
}
