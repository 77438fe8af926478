// Serves the dashboard's built files at `/` (index.html for its own routes, to browsers only); API paths are left alone.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The page may load only its own files and call only its own origin; it is never framed. */
const HTML_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Paths owned by the API; never answered with dashboard files. */
const API_PREFIXES = ['/api/', '/v1/', '/health'];

/**
 * The dashboard's client routes (apps/dashboard/src/app.tsx): the list, the create form and a
 * stream's tabs. Only these get index.html; any other path is the router's (404 when unknown).
 */
const DASHBOARD_ROUTES = [/^\/$/, /^\/streams\/?$/, /^\/streams\/new\/?$/, /^\/streams\/[^/]+(?:\/(?:health|dead-letters|settings))?\/?$/];

export function isDashboardRoute(pathname: string): boolean {
  return DASHBOARD_ROUTES.some((r) => r.test(pathname));
}

/** A browser navigating (Accept names text/html); scrapers, probes and JSON clients do not. */
function wantsHtml(req: IncomingMessage): boolean {
  return /\btext\/html\b/i.test(req.headers.accept ?? '');
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** A handler that answers GET/HEAD for the files under `root`; returns false when the request is not its. */
export function createStaticHandler(root: string): StaticHandler {
  const base = normalize(root + sep);
  const send = async (req: IncomingMessage, res: ServerResponse, file: string, cache: string): Promise<boolean> => {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return false;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
      ...(extname(file) === '.html' ? HTML_HEADERS : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = new URL(req.url ?? '/', 'http://outflow.local').pathname;
    if (API_PREFIXES.some((p) => pathname === p.replace(/\/$/, '') || pathname.startsWith(p))) return false;
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const file = normalize(join(base, rel));
    if (!file.startsWith(base)) return false;
    // Vite puts content-hashed files under /assets/: they never change, so they may be cached for good.
    const hashed = rel.startsWith('/assets/');
    if (rel !== '/' && (await send(req, res, file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache'))) return true;
    if (hashed || extname(rel)) return false; // a missing file, not an app route
    if (!isDashboardRoute(pathname) || !wantsHtml(req)) return false;
    return send(req, res, join(base, 'index.html'), 'no-cache');
  };
}

/** Where the installed `@outflow/dashboard` keeps its build, or null when it is not built or installed. */
export function findDashboardDir(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('@outflow/dashboard/package.json');
    const dir = join(dirname(pkg), 'dist');
    return existsSync(join(dir, 'index.html')) ? dir : null;
  } catch {
    return null;
  }
}
