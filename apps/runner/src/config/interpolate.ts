// Replaces ${VAR} and ${VAR:-default} in config text with environment values.
import { ConfigError, type ConfigIssue } from '@outflow/core';

const PATTERN = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export function interpolateEnv(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const missing: ConfigIssue[] = [];
  const out = text.replace(PATTERN, (match, name: string | undefined, fallback: string | undefined, offset: number) => {
    if (match === '$$') return '$';
    const value = env[name as string];
    if (value !== undefined && value !== '') return value;
    if (fallback !== undefined) return fallback;
    const line = text.slice(0, offset).split('\n').length;
    missing.push({ path: `line ${line}`, message: `environment variable ${name} is not set (use \${${name}:-default} for a default)` });
    return match;
  });
  if (missing.length) throw new ConfigError('The configuration refers to unset environment variables.', missing);
  return out;
}
