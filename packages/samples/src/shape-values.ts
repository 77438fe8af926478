// Synthesizes a value for a catalog shape, choosing plausible strings and numbers by field name.
import type { User } from './pools.js';
import type { Rng } from './rng.js';
import type { Shape } from './types.js';

export interface ValueContext {
  rng: Rng;
  user: User;
  now: number;
  /** Chance to include an optional object key at the top of `details`; deeper keys get less. */
  optional: number;
}

const WORDS = ['login', 'consent', 'mfa', 'password', 'session', 'token', 'refresh', 'grant', 'scope', 'device', 'profile', 'rule', 'hook', 'flow'];

function stringFor(key: string, ctx: ValueContext): string {
  const { rng, user } = ctx;
  const k = key.toLowerCase();
  if (k.includes('email') || k === 'user_name' || k === 'username') return user.user_name;
  if (k === 'user_id' || k.endsWith('user_id')) return user.user_id;
  if (k === 'ip' || k.endsWith('_ip')) return user.ip;
  if (k.includes('agent')) return user.user_agent;
  if (k.includes('url') || k.includes('uri') || k === 'return_to' || k === 'referer') return `https://app.acme.com/${rng.pick(WORDS)}/${rng.pick(WORDS)}`;
  if (k.includes('session')) return rng.chars(32);
  if (k.endsWith('jti') || k.includes('trace') || k.includes('thumbprint')) return rng.hex(32);
  if (k.endsWith('id')) return `${k.slice(0, 3)}_${rng.chars(16)}`;
  if (k.includes('alg')) return rng.pick(['RS256', 'ES256', 'PS256']);
  if (k.includes('version')) return `${rng.int(1, 5)}.${rng.int(0, 20)}.${rng.int(0, 10)}`;
  if (k.includes('scope')) return 'openid profile email offline_access';
  if (k.includes('audience')) return 'https://api.acme.com/';
  if (k.includes('message') || k.includes('reason') || k.includes('description'))
    return `The ${rng.pick(WORDS)} request could not be completed: ${rng.pick(WORDS)} ${rng.pick(WORDS)} is invalid.`;
  if (k.includes('name')) return `${rng.pick(WORDS)}-${rng.pick(WORDS)}`;
  if (k.includes('date') || k.includes('expir') || k.endsWith('at')) return new Date(ctx.now + rng.int(0, 86_400_000)).toISOString();
  if (k.includes('method')) return rng.pick(['GET', 'POST', 'PATCH', 'DELETE']);
  if (k.includes('path')) return `/api/v2/${rng.pick(['users', 'clients', 'roles', 'connections'])}/${rng.chars(12)}`;
  if (k.includes('code')) return rng.chars(rng.int(6, 24));
  return `${rng.pick(WORDS)}_${rng.chars(rng.int(4, 12))}`;
}

function numberFor(key: string, ctx: ValueContext): number {
  const k = key.toLowerCase();
  if (k.endsWith('at') || k.includes('expiry') || (k.includes('time') && !k.includes('elapsed'))) return ctx.now - ctx.rng.int(0, 5000);
  if (k.includes('elapsed') || k.includes('duration') || k.includes('ms')) return ctx.rng.int(20, 3000);
  if (k.includes('count')) return ctx.rng.int(1, 500);
  return ctx.rng.int(0, 100);
}

/** Management API request/response and other free-form objects Auth0 fills with real content. */
function freeObject(key: string, ctx: ValueContext): Record<string, unknown> {
  const { rng, user } = ctx;
  if (key === 'request') {
    return {
      method: rng.pick(['patch', 'post', 'delete']),
      path: `/api/v2/users/${encodeURIComponent(user.user_id)}`,
      query: {},
      userAgent: user.user_agent,
      body: { app_metadata: { plan: rng.pick(['free', 'pro', 'enterprise']), seats: rng.int(1, 50) } },
      channel: 'https://manage.auth0.com/',
      ip: user.ip,
      auth: { user: { user_id: user.user_id, name: user.user_name, email: user.user_name }, strategy: 'jwt', credentials: { jti: rng.hex(32) } },
    };
  }
  if (key === 'response') return { statusCode: rng.pick([200, 200, 201, 204]), body: { user_id: user.user_id, updated_at: new Date(ctx.now).toISOString() } };
  if (key === 'body') return { email: user.user_name, connection: 'Username-Password-Authentication', tenant: 'acme-prod' };
  if (key === 'query')
    return {
      client_id: rng.chars(32),
      response_type: 'code',
      redirect_uri: 'https://app.acme.com/callback',
      scope: 'openid profile email',
      state: rng.chars(24),
    };
  if (key === 'env') return { node: `v${rng.int(18, 23)}.${rng.int(0, 12)}.0` };
  return { [rng.pick(WORDS)]: rng.chars(rng.int(6, 18)), [rng.pick(WORDS)]: rng.int(0, 1000) };
}

export function valueFor(shape: Shape, key: string, ctx: ValueContext, depth: number): unknown {
  if (typeof shape === 'string') {
    switch (shape) {
      case 's':
        return stringFor(key, ctx);
      case 'n':
        return numberFor(key, ctx);
      case 'b':
        return ctx.rng.chance(0.5);
      case 'o':
        return freeObject(key, ctx);
      default:
        return null;
    }
  }
  if (Array.isArray(shape)) {
    if (shape[0] === 'v') return ctx.rng.pick(shape.slice(1));
    const n = depth > 2 ? 1 : ctx.rng.int(1, 3);
    return Array.from({ length: n }, () => valueFor(shape[1] as Shape, key, ctx, depth + 1));
  }
  return objectFor(shape as Readonly<Record<string, Shape>>, ctx, depth);
}

export function objectFor(shape: Readonly<Record<string, Shape>>, ctx: ValueContext, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const p = ctx.optional / (1 + depth);
  for (const [raw, sub] of Object.entries(shape)) {
    const optional = raw.endsWith('?');
    if (optional && !ctx.rng.chance(p)) continue;
    const key = optional ? raw.slice(0, -1) : raw;
    out[key] = valueFor(sub, key, ctx, depth + 1);
  }
  return out;
}
