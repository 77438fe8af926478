// Reads outflow.yaml: YAML → ${ENV} interpolation → zod validation, with every bad field named by path.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, type ConfigIssue } from '@outflow/core';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { interpolateEnv } from './interpolate.js';
import { runnerConfigSchema, type RunnerConfig } from './schema.js';

export interface LoadedConfig {
  config: RunnerConfig;
  /** Absolute path of the config file. */
  file: string;
  /** Folder that relative paths (store, connector packages) are resolved from. */
  dir: string;
}

/** `streams[0].sink.httpEndpoint` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function zodIssues(error: z.ZodError, prefix = ''): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const joined = prefix && path ? (path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`) : prefix || path;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return { path: joined, message };
  });
}

export function parseConfigText(text: string, env: NodeJS.ProcessEnv = process.env): RunnerConfig {
  const doc = parseDocument(interpolateEnv(text, env), { prettyErrors: true });
  if (doc.errors.length) {
    throw new ConfigError(
      'The configuration is not valid YAML.',
      doc.errors.map((e) => ({ path: `line ${e.linePos?.[0]?.line ?? '?'}`, message: e.message.split('\n')[0] ?? e.message })),
    );
  }
  const parsed = runnerConfigSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) throw new ConfigError('The configuration is invalid.', zodIssues(parsed.error));
  return parsed.data;
}

export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const abs = resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const fix =
      code === 'ENOENT'
        ? 'pass --config FILE with the path of your config, or create it (the repository has an example outflow.yaml)'
        : code === 'EACCES'
          ? "let the runner's user read it"
          : code === 'EISDIR'
            ? 'pass the path of the file, not of its folder'
            : 'check the path given to --config';
    throw new ConfigError(`Cannot read the configuration file ${abs} (${code ?? (err as Error).message}): ${fix}.`);
  }
  const config = parseConfigText(text, env);
  if (config.egress.fileRoot) config.egress.fileRoot = resolve(dirname(abs), config.egress.fileRoot);
  if (config.log.file) config.log.file = resolve(dirname(abs), config.log.file);
  return { config, file: abs, dir: dirname(abs) };
}
