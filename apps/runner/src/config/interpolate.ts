// Replaces ${VAR} and ${VAR:-default} in config text with environment values, skipping comments.
import { ConfigError, type ConfigIssue } from '@outflow/core';

const PATTERN = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Where a YAML comment starts on this line (a `#` outside quotes after a space or at the start), or -1. */
function commentStart(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote && !(quote === '"' && line[i - 1] === '\\')) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return i;
  }
  return -1;
}

export function interpolateEnv(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const missing: ConfigIssue[] = [];
  const lines = text.split('\n').map((line, n) => {
    const cut = commentStart(line);
    const code = cut < 0 ? line : line.slice(0, cut);
    const replaced = code.replace(PATTERN, (match, name: string | undefined, fallback: string | undefined) => {
      if (match === '$$') return '$';
      const value = env[name as string];
      if (value !== undefined && value !== '') return value;
      if (fallback !== undefined) return fallback;
      missing.push({ path: `line ${n + 1}`, message: `environment variable ${name} is not set (use \${${name}:-default} for a default)` });
      return match;
    });
    return cut < 0 ? replaced : replaced + line.slice(cut);
  });
  if (missing.length) throw new ConfigError('The configuration refers to unset environment variables.', missing);
  return lines.join('\n');
}
