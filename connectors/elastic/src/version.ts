// The package version, read once from package.json, for the User-Agent header.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };

export const VERSION: string = manifest.version ?? '0.0.0';
export const USER_AGENT = `outflow/${VERSION}`;
