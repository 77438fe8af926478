// The quick-start banner printed by `outflow start`: URL, the dashboard, a development token and a curl line.
import { readFileSync } from 'node:fs';
import type { LoadedConfig } from '../config/load.js';

export function startBanner(url: string, loaded: LoadedConfig): string {
  let raw = '';
  try {
    raw = readFileSync(loaded.file, 'utf8');
  } catch {
    /* the banner just omits the token */
  }
  // Only a token written literally in the config file is shown: one from ${ENV} stays hidden.
  const dev = loaded.config.tokens.find((t) => t.scopes.includes('ingest:logs') && raw.includes(t.token));
  const lines = [``, `Outflow is running at ${url}`];
  if (dev) {
    const event = JSON.stringify({ type: 's', description: 'Success Login', user_name: 'dev@example.com', client_name: 'Quick start' });
    lines.push(
      `Development token (tenant "${dev.tenant}"): ${dev.token}`,
      `Send a test event:`,
      `  curl -sS -X POST ${url}/v1/logs -H 'Authorization: Bearer ${dev.token}' -H 'Content-Type: application/json' -d '${event}'`,
    );
  }
  if (loaded.config.server.dashboard) lines.push(`Dashboard: ${url}/${dev ? `#token=${dev.token}` : ''}`);
  lines.push(`Streams: ${url}/api/v2/log-streams   Stop with Ctrl+C.`, ``);
  return lines.join('\n');
}
