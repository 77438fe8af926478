// Seeded value pools shared by a generator's events: clients, connections, users, agents, places.
import type { Rng } from './rng.js';

export interface Client {
  client_id: string;
  client_name: string;
}
export interface Connection {
  connection: string;
  connection_id: string;
  strategy: string;
  strategy_type: string;
}
export interface User {
  user_id: string;
  user_name: string;
  ip: string;
  user_agent: string;
  is_mobile: boolean;
  location: Location;
}
export interface Location {
  country_code: string;
  country_code3: string;
  country_name: string;
  city_name: string;
  latitude: number;
  longitude: number;
  time_zone: string;
  continent_code: string;
}
export interface Pools {
  tenant: string;
  environment: string;
  hostnames: readonly string[];
  clients: readonly Client[];
  connections: readonly Connection[];
  users: readonly User[];
  audiences: readonly string[];
  organizations: ReadonlyArray<{ id: string; name: string }>;
}

const CLIENT_NAMES = [
  'Acme Web',
  'Acme iOS',
  'Acme Android',
  'Acme Admin Portal',
  'Billing Service',
  'Reporting Worker',
  'Support Desk',
  'Partner Portal',
  'All Applications',
  'Acme CLI',
];
const CONNECTIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['Username-Password-Authentication', 'auth0', 'database'],
  ['google-oauth2', 'google-oauth2', 'social'],
  ['apple', 'apple', 'social'],
  ['github', 'github', 'social'],
  ['acme-azure-ad', 'waad', 'enterprise'],
  ['acme-okta', 'oktawic', 'enterprise'],
  ['email', 'email', 'passwordless'],
  ['sms', 'sms', 'passwordless'],
];
const AGENTS = [
  ['Chrome 120.0.0 / Mac OS X 10.15.7', false],
  ['Chrome 131.0.0 / Windows 10.0.0', false],
  ['Safari 17.2.1 / Mac OS X 10.15.7', false],
  ['Mobile Safari 17.2 / iOS 17.2.1', true],
  ['Chrome Mobile 131.0.6778 / Android 10.0.0', true],
  ['Firefox 133.0.0 / Ubuntu 0.0.0', false],
  ['Edge 131.0.2903 / Windows 10.0.0', false],
  ['node-fetch 1.0 / Other 0.0.0', false],
  ['okhttp 4.12.0 / Other 0.0.0', true],
] as const;
const PLACES: ReadonlyArray<readonly [string, string, string, string, number, number, string, string]> = [
  ['US', 'USA', 'United States', 'Ashburn', 39.0469, -77.4903, 'America/New_York', 'NA'],
  ['US', 'USA', 'United States', 'San Francisco', 37.7749, -122.4194, 'America/Los_Angeles', 'NA'],
  ['DE', 'DEU', 'Germany', 'Frankfurt am Main', 50.1109, 8.6821, 'Europe/Berlin', 'EU'],
  ['GB', 'GBR', 'United Kingdom', 'London', 51.5072, -0.1276, 'Europe/London', 'EU'],
  ['BR', 'BRA', 'Brazil', 'São Paulo', -23.5558, -46.6396, 'America/Sao_Paulo', 'SA'],
  ['IN', 'IND', 'India', 'Mumbai', 19.076, 72.8777, 'Asia/Kolkata', 'AS'],
  ['JP', 'JPN', 'Japan', 'Tokyo', 35.6762, 139.6503, 'Asia/Tokyo', 'AS'],
  ['AU', 'AUS', 'Australia', 'Sydney', -33.8688, 151.2093, 'Australia/Sydney', 'OC'],
];
const FIRST = [
  'ana',
  'ben',
  'chloe',
  'dmitri',
  'emma',
  'farah',
  'gus',
  'hana',
  'ivan',
  'jo',
  'kemal',
  'lea',
  'maria',
  'noah',
  'olu',
  'priya',
  'quinn',
  'ravi',
  'sofia',
  'tom',
];
const DOMAINS = ['example.com', 'gmail.com', 'outlook.com', 'acme.com', 'proton.me'];

function location(rng: Rng): Location {
  const p = rng.pick(PLACES);
  return {
    country_code: p[0],
    country_code3: p[1],
    country_name: p[2],
    city_name: p[3],
    latitude: Math.round((p[4] + rng.float() / 10) * 1e4) / 1e4,
    longitude: Math.round((p[5] + rng.float() / 10) * 1e4) / 1e4,
    time_zone: p[6],
    continent_code: p[7],
  };
}

export function createPools(rng: Rng): Pools {
  const clients = CLIENT_NAMES.map((client_name) => ({ client_id: rng.chars(32), client_name }));
  const connections = CONNECTIONS.map(([connection, strategy, strategy_type]) => ({
    connection,
    connection_id: `con_${rng.chars(16)}`,
    strategy,
    strategy_type,
  }));
  const users: User[] = [];
  for (let i = 0; i < 400; i++) {
    const agent = rng.pick(AGENTS);
    const name = `${rng.pick(FIRST)}.${rng.pick(FIRST)}${rng.int(1, 99)}`;
    users.push({
      user_id: rng.chance(0.7) ? `auth0|${rng.hex(24)}` : `google-oauth2|${rng.chars(21, '0123456789')}`,
      user_name: `${name}@${rng.pick(DOMAINS)}`,
      ip: `${rng.int(23, 223)}.${rng.int(0, 256)}.${rng.int(0, 256)}.${rng.int(1, 255)}`,
      user_agent: agent[0],
      is_mobile: agent[1],
      location: location(rng),
    });
  }
  return {
    tenant: 'acme-prod',
    environment: rng.pick(['prod-us-1', 'prod-eu-1', 'prod-us-3']),
    hostnames: ['acme-prod.us.auth0.com', 'login.acme.com'],
    clients,
    connections,
    users,
    audiences: ['https://api.acme.com/', 'https://acme-prod.us.auth0.com/api/v2/', 'https://acme-prod.us.auth0.com/userinfo'],
    organizations: [1, 2, 3].map((n) => ({ id: `org_${rng.chars(16)}`, name: `acme-partner-${n}` })),
  };
}
