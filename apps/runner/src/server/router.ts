// A small method + path router with `:param` segments; unknown paths 404, wrong methods 405.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './respond.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>, url: URL) => Promise<void> | void;

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

export interface Router {
  add(method: string, path: string, handler: Handler): Router;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** A path parameter, decoded; 400 naming it when its percent-encoding is malformed. */
function decodeParam(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, `The path parameter ${name} has malformed percent-encoding: use %XX escapes of valid UTF-8.`, 'malformed_uri');
  }
}

export function createRouter(): Router {
  const routes: Route[] = [];
  const router: Router = {
    add(method, path, handler) {
      const names: string[] = [];
      const regex = new RegExp(`^${path.replace(/:([a-zA-Z]+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}/?$`);
      routes.push({ method, regex, names, handler });
      return router;
    },
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://outflow.local');
      let pathMatched = false;
      for (const r of routes) {
        const m = r.regex.exec(url.pathname);
        if (!m) continue;
        pathMatched = true;
        if (r.method !== req.method) continue;
        const params: Record<string, string> = {};
        r.names.forEach((n, i) => (params[n] = decodeParam(n, m[i + 1] as string)));
        return r.handler(req, res, params, url);
      }
      if (pathMatched) throw new HttpError(405, `Method ${req.method} is not allowed on ${url.pathname}.`, 'method_not_allowed');
      throw new HttpError(404, `Not found: ${url.pathname}.`, 'not_found');
    },
  };
  return router;
}
