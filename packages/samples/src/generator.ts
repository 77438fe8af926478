// Seeded generator of realistic Auth0 tenant log events (about 1.1 KB each), shaped by the catalog.
import { CATALOG } from './catalog-data.js';
import { createPools, type Pools, type User } from './pools.js';
import { createRng, type Rng } from './rng.js';
import { objectFor, valueFor, type ValueContext } from './shape-values.js';
import { DESCRIPTIONS, pickTypeCode } from './type-mix.js';
import type { CatalogEntry, EventGenerator, EventGeneratorOptions, SampleEvent, Shape } from './types.js';

const DEFAULT_START = Date.UTC(2025, 5, 1);
/** Chance to include an optional `details` key; tuned so events average ~1.1 KB like Auth0's. */
const DETAILS_OPTIONAL = 0.45;
/** Extra top-level fields and how often an event that may carry them does. */
const EXTRA_CHANCE: Readonly<Record<string, number>> = { auth0_client: 0.6, security_context: 0.5, references: 0.3, session_connection: 0.5 };
const LEGACY: CatalogEntry = {
  d: 'Legacy event',
  f: [
    'client_id',
    'client_name',
    'ip',
    'user_agent',
    'user_id',
    'user_name',
    'tenant_name',
    'environment_name',
    'hostname',
    'connection',
    'connection_id',
    'strategy',
    'strategy_type',
  ],
  r: [],
  x: { details: 'o' },
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(d.getUTCMilliseconds(), 3)}`;
}

/** Auth0-style 56-digit log_id: "900" + UTC stamp + 12-digit node + 24-digit counter (the event index). */
export function sampleLogId(ms: number, node: string, index: number): string {
  return `900${stamp(ms)}${node}${String(index).padStart(24, '0')}`;
}

/** The event index a log_id made by this package ends in. */
export function sampleIndexOf(logId: string): number {
  return Number(logId.slice(-15));
}

function commonFields(e: Record<string, unknown>, entry: CatalogEntry, pools: Pools, user: User, rng: Rng): void {
  const has = (f: string) => entry.f.includes(f);
  if (has('connection')) {
    const c = rng.pick(pools.connections);
    e.connection = c.connection;
    e.connection_id = c.connection_id;
    if (has('strategy')) {
      e.strategy = c.strategy;
      e.strategy_type = c.strategy_type;
    }
  }
  if (has('client_id')) {
    const c = rng.pick(pools.clients);
    e.client_id = c.client_id;
    if (has('client_name')) e.client_name = c.client_name;
  }
  if (has('ip')) e.ip = user.ip;
  if (has('client_ip') && rng.chance(0.3)) e.client_ip = user.ip;
  e.user_agent = user.user_agent;
  e.is_mobile = user.is_mobile;
  if (has('hostname')) e.hostname = rng.pick(pools.hostnames);
  if (has('user_id')) e.user_id = user.user_id;
  if (has('user_name')) e.user_name = user.user_name;
  if (has('audience') && rng.chance(0.7)) e.audience = rng.pick(pools.audiences);
  if (has('scope') && rng.chance(0.7)) e.scope = 'openid profile email offline_access';
  if (has('organization_id') && rng.chance(0.2)) {
    const o = rng.pick(pools.organizations);
    e.organization_id = o.id;
    e.organization_name = o.name;
  }
}

export function createEventGenerator(options: EventGeneratorOptions): EventGenerator {
  const rng = createRng(options.seed);
  const pools = createPools(rng);
  const node = String(Math.abs(Math.trunc(options.seed)) % 1e12).padStart(12, '0');
  const interval = options.intervalMs ?? 40;
  let time = options.start ?? DEFAULT_START;
  let count = 0;
  const only = options.types && options.types.length > 0 ? options.types : null;
  return {
    get count() {
      return count;
    },
    next(): SampleEvent {
      const type = only ? rng.pick(only) : pickTypeCode(rng);
      const entry = CATALOG[type] ?? LEGACY;
      const user = rng.pick(pools.users);
      const ms = Math.floor(time);
      time += interval * (0.5 + rng.float());
      const e: Record<string, unknown> = {
        log_id: sampleLogId(ms, node, count++),
        date: new Date(ms).toISOString(),
        type,
        description: DESCRIPTIONS[type] ?? entry.d,
      };
      commonFields(e, entry, pools, user, rng);
      const ctx: ValueContext = { rng, user, now: ms, optional: DETAILS_OPTIONAL };
      for (const [key, shape] of Object.entries(entry.x)) {
        if (key === 'details') continue;
        if (entry.r.includes(key) || rng.chance(EXTRA_CHANCE[key] ?? 0.03)) e[key] = valueFor(shape, key, ctx, 1);
      }
      const details: Shape | undefined = entry.x.details;
      if (details !== undefined) {
        e.details =
          typeof details === 'object' && !Array.isArray(details) ? objectFor(details as Record<string, Shape>, ctx, 0) : valueFor('o', 'details', ctx, 0);
      }
      if (e.ip !== undefined && rng.chance(0.8)) e.location_info = user.location;
      e.tenant_name = pools.tenant;
      e.environment_name = pools.environment;
      e.$event_schema = { version: '1.0.0' };
      return e as SampleEvent;
    },
  };
}

/** `n` events from a fresh generator with this seed. */
export function sampleEvents(n: number, seed: number, options: Omit<EventGeneratorOptions, 'seed'> = {}): SampleEvent[] {
  const gen = createEventGenerator({ ...options, seed });
  return Array.from({ length: n }, () => gen.next());
}
