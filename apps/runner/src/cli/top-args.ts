// Options of `outflow start|validate|reload`: strict parsing with one-line errors naming the fix, and "did you mean".
import { parseArgs } from 'node:util';
import type { ConfigOverrides } from '../config/overrides.js';
import { LOG_LEVELS } from '../config/schema.js';
import { CliError } from './cli-errors.js';
import { EXIT } from './exit-codes.js';
import { suggest } from './suggest.js';

export const TOP_OPTIONS = {
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  probe: { type: 'boolean' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  'log-level': { type: 'string' },
  pid: { type: 'string' },
} as const;

export interface TopArgs {
  command: string | undefined;
  extra: string[];
  config: string;
  help: boolean;
  version: boolean;
  probe: boolean;
  pid?: number;
  overrides: ConfigOverrides;
}

function unknownOption(message: string): CliError {
  const name = /'(-[^']*)'/.exec(message)?.[1] ?? '';
  const close = name.startsWith('--') ? suggest(name.slice(2).split('=')[0] as string, Object.keys(TOP_OPTIONS)) : undefined;
  const hint = close ? `did you mean --${close}? ` : '';
  return new CliError(`unknown option "${name}": ${hint}run "outflow --help" for the options`, EXIT.usage);
}

function intOption(raw: string | undefined, name: string, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 0 && n <= max)) throw new CliError(`--${name} must be a whole number from 0 to ${max}, got "${raw}"`, EXIT.usage);
  return n;
}

export function parseTopArgs(argv: readonly string[]): TopArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: TOP_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    if (/Unknown option/.test(message)) throw unknownOption(message);
    throw new CliError(`${message.replace(/\. To specify a positional argument.*$/s, '')}: run "outflow --help" for the options`, EXIT.usage);
  }
  const { values: v, positionals } = parsed;
  const level = v['log-level'];
  if (level !== undefined && !(LOG_LEVELS as readonly string[]).includes(level))
    throw new CliError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`, EXIT.usage);
  if (v.host !== undefined && v.host.trim() === '') throw new CliError('--host needs an address, e.g. --host 0.0.0.0', EXIT.usage);
  const overrides: ConfigOverrides = {};
  const port = intOption(v.port, 'port', 65535);
  if (port !== undefined) overrides.port = port;
  if (v.host !== undefined) overrides.host = v.host;
  if (level !== undefined) overrides.logLevel = level as ConfigOverrides['logLevel'];
  const pid = intOption(v.pid, 'pid', 2 ** 22);
  return {
    command: positionals[0],
    extra: positionals.slice(1),
    config: v.config ?? 'outflow.yaml',
    help: v.help === true,
    version: v.version === true,
    probe: v.probe === true,
    ...(pid !== undefined ? { pid } : {}),
    overrides,
  };
}
