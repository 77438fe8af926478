// Builds create and update bodies from CLI flags (--sink k=v, --filter, …) and stream files (JSON or YAML).
import { readFileSync } from 'node:fs';
import { parseDuration } from '@outflow/core';
import { parse as parseYaml } from 'yaml';
import { CliError } from './cli-errors.js';
import { flag, list, str, type Parsed } from './args.js';

/** The flags that describe a stream's definition, shared by create, update and preview. */
export const DEFINITION_OPTIONS = {
  name: { type: 'string' },
  sink: { type: 'string', multiple: true },
  'sink-json': { type: 'string' },
  filter: { type: 'string', multiple: true },
  'clear-filters': { type: 'boolean' },
  file: { type: 'string', short: 'f' },
} as const;

type Body = Record<string, unknown>;

/** Fields of the API's stream view that are not part of a definition: dropped from a file, so `get --json` output can be edited and sent back. */
const VIEW_ONLY_FIELDS = ['id', 'managedBy', 'suspendedReason'] as const;

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a stream file; YAML is a superset of JSON, so one parser reads both. */
export function readStreamFile(file: string): Body {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new CliError(`${file} is not valid JSON or YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isObject(value)) throw new CliError(`${file} must hold one object (a stream), not ${Array.isArray(value) ? 'a list' : typeof value}.`);
  return value;
}

/** `key=value` (a string) or `key:=json` (a number, boolean, object…); dotted keys nest. */
export function parseSinkPair(pair: string): [string[], unknown] {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new CliError(`--sink "${pair}" must be key=value (or key:=JSON for numbers, booleans and objects).`, 2);
  const typed = pair[eq - 1] === ':';
  const key = pair.slice(0, typed ? eq - 1 : eq);
  const raw = pair.slice(eq + 1);
  if (!key || key.split('.').some((k) => !k)) throw new CliError(`--sink "${pair}" has an empty key.`, 2);
  if (!typed) return [key.split('.'), raw];
  try {
    return [key.split('.'), JSON.parse(raw)];
  } catch {
    throw new CliError(`--sink "${pair}": the value after ":=" is not JSON.`, 2);
  }
}

function setPath(target: Body, path: string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((k) => {
    if (!isObject(node[k])) node[k] = {};
    node = node[k] as Body;
  });
  node[path[path.length - 1] as string] = value;
}

/**
 * `category:auth.login.fail` or `type:fp`; a comma-separated list gives several filters, and a name
 * without a prefix takes the one before it: `type:fp,sapi` is `type:fp` and `type:sapi`.
 */
export function parseFilters(values: readonly string[]): Array<{ type: 'category' | 'type'; name: string }> {
  return values.flatMap((value) => {
    let prefix: 'category' | 'type' | undefined;
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v) => {
        const m = /^(category|type):(.+)$/.exec(v);
        if (m) prefix = m[1] as 'category' | 'type';
        else if (prefix === undefined || v.includes(':'))
          throw new CliError(`--filter "${v}" must be category:<name> (e.g. category:auth.login.fail) or type:<code> (e.g. type:fp,sapi).`, 2);
        return { type: prefix, name: (m ? m[2] : v) as string };
      });
  });
}

/** An ISO date, or a duration meaning that long ago ("2h", "30m", "7d"), as an ISO string. */
export function parseWhen(value: string, flagName: string, now = Date.now()): string {
  if (/^\d+(\.\d+)?(ms|s|m|h|d|w)/.test(value)) {
    try {
      return new Date(now - parseDuration(value)).toISOString();
    } catch {
      /* fall through to the date check */
    }
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new CliError(`--${flagName} "${value}" is not a date; use ISO 8601 (2026-12-01T12:00:00Z) or a duration ago (2h, 30m, 7d).`, 2);
  return new Date(at).toISOString();
}

/** The sink from --sink-json then each --sink pair, over the file's sink. */
function buildSink(p: Parsed, fromFile: unknown): Body | undefined {
  const pairs = list(p, 'sink');
  const json = str(p, 'sink-json');
  if (fromFile === undefined && !pairs.length && json === undefined) return undefined;
  const sink: Body = isObject(fromFile) ? structuredClone(fromFile) : {};
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (err) {
      throw new CliError(`--sink-json is not valid JSON: ${(err as Error).message}`, 2);
    }
    if (!isObject(parsed)) throw new CliError('--sink-json must be a JSON object.', 2);
    Object.assign(sink, parsed);
  }
  for (const pair of pairs) {
    const [path, value] = parseSinkPair(pair);
    setPath(sink, path, value);
  }
  return sink;
}

/** A stream definition body: the file first (if any), flags over it. */
export function buildDefinition(p: Parsed, extra: { type?: string | undefined; startFrom?: string | undefined; isPriority?: boolean } = {}): Body {
  const file = str(p, 'file');
  const body: Body = file ? readStreamFile(file) : {};
  for (const k of VIEW_ONLY_FIELDS) delete body[k];
  if (extra.type !== undefined) body.type = extra.type;
  const name = str(p, 'name');
  if (name !== undefined) body.name = name;
  const sink = buildSink(p, body.sink);
  if (sink !== undefined) body.sink = sink;
  const filters = list(p, 'filter');
  if (flag(p, 'clear-filters')) {
    if (filters.length) throw new CliError('--clear-filters and --filter cannot be used together.', 2);
    body.filters = [];
  } else if (filters.length) body.filters = parseFilters(filters);
  if (extra.startFrom !== undefined) body.startFrom = extra.startFrom;
  if (extra.isPriority) body.isPriority = true;
  return body;
}

/** Paths of sink values that are the API's mask: sending them to create a stream would store the mask as the secret. */
export function maskedPaths(value: unknown, mask: string, prefix = 'sink'): string[] {
  if (value === mask) return [prefix];
  if (Array.isArray(value)) return value.flatMap((v, i) => maskedPaths(v, mask, `${prefix}[${i}]`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => maskedPaths(v, mask, `${prefix}.${k}`));
  return [];
}
