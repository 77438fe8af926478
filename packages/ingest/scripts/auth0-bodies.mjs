// Seeded, realistic ~1.1 KB Auth0 log events as NDJSON and JSON-array bodies, for the measurement scripts.
let seed = 12345;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = (a) => a[Math.floor(rand() * a.length)];
const chars = (n, set = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') => Array.from({ length: n }, () => pick(set)).join('');
const AGENTS = [
  'Chrome 120.0.0 / Mac OS X 10.15.7',
  'Mobile Safari 17.2 / iOS 17.2.1',
  'Chrome Mobile 131.0.6778 / Android 10.0.0',
  'Firefox 133.0.0 / Ubuntu 0.0.0',
  'Edge 131.0.2903 / Windows 10.0.0',
];
const PLACES = [
  ['US', 'USA', 'United States', 'Ashburn', 39.0469, -77.4903, 'America/New_York', 'NA'],
  ['DE', 'DEU', 'Germany', 'Frankfurt am Main', 50.1109, 8.6821, 'Europe/Berlin', 'EU'],
  ['BR', 'BRA', 'Brazil', 'São Paulo', -23.5558, -46.6396, 'America/Sao_Paulo', 'SA'],
  ['JP', 'JPN', 'Japan', 'Tokyo', 35.6762, 139.6503, 'Asia/Tokyo', 'AS'],
];
const TYPES = [
  ['s', 'Success Login'],
  ['f', 'Failed Login'],
  ['seacft', 'Success Exchange'],
  ['fp', 'Failed Login (Incorrect Password)'],
  ['sapi', 'Success API Operation'],
  ['ssa', 'Success Silent Auth'],
];
const pad = (n, w = 2) => String(n).padStart(w, '0');

export function event(i, t) {
  const [type, description] = pick(TYPES);
  const p = pick(PLACES);
  const d = new Date(t);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(d.getUTCMilliseconds(), 3)}`;
  const agent = pick(AGENTS);
  return {
    date: d.toISOString(),
    type,
    description,
    connection: 'Username-Password-Authentication',
    connection_id: `con_${chars(16)}`,
    client_id: chars(32),
    client_name: pick(['Acme Web', 'Acme iOS', 'Partner Portal']),
    ip: `${20 + (i % 200)}.${i % 256}.${(i * 7) % 256}.${1 + (i % 254)}`,
    user_agent: agent,
    details: {
      prompts: [{ name: 'prompt-authenticate', completedAt: t - 120, strategy: 'auth0', elapsedTime: 120 + (i % 50) }],
      initiatedAt: t - 950,
      completedAt: t,
      elapsedTime: 950,
      session_id: chars(32),
    },
    hostname: 'acme-prod.us.auth0.com',
    user_id: `auth0|${chars(24, '0123456789abcdef')}`,
    user_name: `user${i}@example.com`,
    strategy: 'auth0',
    strategy_type: 'database',
    location_info: {
      country_code: p[0],
      country_code3: p[1],
      country_name: p[2],
      city_name: p[3],
      latitude: p[4],
      longitude: p[5],
      time_zone: p[6],
      continent_code: p[7],
    },
    security_context: { ja3: chars(32, '0123456789abcdef'), ja4: `t13d1516h2_${chars(12, '0123456789abcdef')}_${chars(12, '0123456789abcdef')}` },
    isMobile: agent.includes('Mobile'),
    log_id: `900${stamp}${'000000000042'}${String(i).padStart(24, '0')}`,
    tenant_name: 'acme-prod',
    environment_name: 'prod-us-1',
  };
}

export const T0 = Date.UTC(2026, 10, 24, 10);

/** `count` NDJSON bodies of `events` events each (seeded, so every run builds the same bytes). */
export function ndjsonBodies(count, events) {
  seed = 12345;
  const bodies = [];
  for (let b = 0; b < count; b++)
    bodies.push(Buffer.from(Array.from({ length: events }, (_, i) => JSON.stringify(event(b * events + i, T0 + (b * events + i) * 37))).join('\n') + '\n'));
  return bodies;
}

/** The same events as JSON array bodies. */
export const arrayBodies = (bodies) => bodies.map((body) => Buffer.from(`[${body.toString().trim().split('\n').join(',')}]`));
