// Realistic Auth0-shaped log envelopes (logins, failures, signups, API ops, MFA, logouts) for tests.
import { batchFromEnvelopes, type LogBatch, type LogEnvelope } from '@outflow/core';

type Data = Record<string, unknown> & { type: string; description: string };

const WEB = {
  client_id: 'AaiyAPdpYdesoKnqjj8HJqRn4T5titww',
  client_name: 'Acme Web',
  hostname: 'acme.eu.auth0.com',
  connection: 'Username-Password-Authentication',
  connection_id: 'con_q9dNGpHm6fBfS0AK',
  strategy: 'auth0',
  strategy_type: 'database',
};
const UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

/** The event bodies, without log_id and date (added per position). */
const TEMPLATES: readonly Data[] = [
  {
    type: 's',
    description: 'Success Login',
    ...WEB,
    ip: '203.0.113.10',
    user_agent: UA,
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f6',
    user_name: 'ada@example.com',
    details: { prompts: [{ name: 'login', elapsedTime: 412 }], stats: { loginsCount: 42 } },
  },
  {
    type: 'f',
    description: 'Wrong email or password.',
    ...WEB,
    ip: '198.51.100.23',
    user_agent: UA,
    user_name: 'bob@example.com',
    details: { error: { message: 'Wrong email or password.' } },
  },
  {
    type: 'fp',
    description: 'Wrong password',
    ...WEB,
    ip: '198.51.100.23',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
    user_name: 'bob@example.com',
    details: { error: { message: 'Wrong password.' } },
  },
  {
    type: 'fu',
    description: 'Invalid username or password',
    ...WEB,
    ip: '192.0.2.77',
    user_name: 'nobody@example.org',
    details: { error: { message: 'Wrong email or password.' } },
  },
  {
    type: 'ss',
    description: 'Successful signup',
    ...WEB,
    ip: '203.0.113.54',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e600',
    user_name: 'chloé@example.fr',
    details: { body: { email: 'chloé@example.fr', connection: 'Username-Password-Authentication' } },
  },
  {
    type: 'sapi',
    description: 'Update a user',
    client_id: 'mgmt_8f2Q9sK1',
    client_name: 'Acme Admin Tool',
    ip: '10.12.0.5',
    user_agent: 'node-auth0/4.4.0',
    details: { request: { method: 'patch', path: '/api/v2/users/auth0%7C65a1f0c2e4b0a1b2c3d4e5f6', body: { blocked: false } }, response: { statusCode: 200 } },
  },
  {
    type: 'seacft',
    description: 'Authorization Code for Access Token',
    ...WEB,
    ip: '203.0.113.10',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f6',
    user_name: 'ada@example.com',
    audience: 'https://api.acme.test/',
    scope: 'openid profile email offline_access',
    details: { code: '*************Nq3' },
  },
  {
    type: 'slo',
    description: 'User successfully logged out.',
    ...WEB,
    ip: '203.0.113.10',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f6',
    user_name: 'ada@example.com',
    details: { return_to: 'https://app.acme.test/' },
  },
  {
    type: 'w',
    description: 'Deprecation Notice: legacy user profile',
    ip: '203.0.113.99',
    details: { feature: 'legacy_user_profile', note: 'Multi-line\nwarning with "quotes" and a tab\tcharacter.' },
  },
  {
    type: 'gd_send_sms',
    description: 'Guardian - SMS sent',
    ...WEB,
    ip: '203.0.113.10',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f6',
    user_name: 'ada@example.com',
    details: { to: '+1 555-0100', provider: 'twilio' },
  },
  {
    type: 'gd_auth_succeed',
    description: 'Guardian - MFA authentication succeeded',
    ...WEB,
    ip: '203.0.113.10',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f6',
    user_name: 'ada@example.com',
    details: { authenticator: { type: 'otp' } },
  },
  { type: 'limit_wc', description: 'Blocked Account', ...WEB, ip: '198.51.100.23', user_name: 'bob@example.com', details: { attempts: 10 } },
  {
    type: 'sce',
    description: 'Successful change email',
    ...WEB,
    ip: '203.0.113.54',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e600',
    user_name: 'chloé@example.fr',
    details: { email: 'chloe@example.com' },
  },
  {
    type: 'scp',
    description: 'Successful change password',
    ...WEB,
    ip: '203.0.113.54',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e600',
    user_name: 'chloe@example.com',
    details: {},
  },
  { type: 'feacft', description: 'Invalid authorization code', ...WEB, ip: '192.0.2.10', details: { error: { message: 'Invalid authorization code' } } },
  {
    type: 'seccft',
    description: 'Client Credentials for Access Token',
    client_id: 'm2m_Zr7yW3bL',
    client_name: 'Billing Service',
    ip: '10.12.0.9',
    audience: 'https://api.acme.test/',
    scope: 'read:invoices',
    details: {},
  },
  {
    type: 'sv',
    description: 'Success Verification Email',
    ...WEB,
    ip: '203.0.113.54',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e600',
    user_name: 'chloe@example.com',
    details: {},
  },
  {
    type: 'ssa',
    description: 'Successful silent authentication',
    ...WEB,
    ip: '2001:db8::1f',
    user_agent: UA,
    user_id: 'google-oauth2|108713370012345678901',
    user_name: '李雷@example.cn',
    details: { prompts: [] },
  },
  {
    type: 'fapi',
    description: 'Insufficient scope',
    client_id: 'mgmt_8f2Q9sK1',
    client_name: 'Acme Admin Tool',
    ip: '10.12.0.5',
    details: { request: { method: 'delete', path: '/api/v2/clients/xyz' }, response: { statusCode: 403, body: { error: 'Forbidden' } } },
  },
  {
    type: 'depnote',
    description: 'Deprecation Notice',
    ip: '203.0.113.7',
    details: { emoji: 'rocket 🚀', nested: { deep: { deeper: [1, 2.5, null, true] } } },
  },
];

export const SAMPLE_TYPES: readonly string[] = TEMPLATES.map((t) => t.type);

/** Starting point of the sample dates and log_ids: 2026-01-01T00:00:00Z. */
const T0 = Date.UTC(2026, 0, 1);

/** A 56-digit Auth0-style log_id, unique and ordered by position. */
function logIdAt(i: number, ms: number): string {
  const d = new Date(ms);
  const stamp = d.toISOString().replace(/\D/g, '').slice(0, 17);
  return `900${stamp}000000000001${String(i).padStart(24, '0')}`;
}

/** Envelope `i` of the endless sample sequence (one second apart, types cycling through the templates). */
export function sampleEnvelope(i: number): LogEnvelope {
  const ms = T0 + i * 1000;
  const log_id = logIdAt(i, ms);
  const template = TEMPLATES[i % TEMPLATES.length] as Data;
  return { log_id, data: { ...template, log_id, date: new Date(ms).toISOString(), tenant_name: 'acme' } };
}

export function sampleEnvelopes(n: number, first = 0): LogEnvelope[] {
  return Array.from({ length: n }, (_, i) => sampleEnvelope(first + i));
}

/** A batch of `n` sample events (seqs from 1). */
export function sampleBatch(n: number, first = 0): LogBatch {
  return batchFromEnvelopes(sampleEnvelopes(n, first), first + 1);
}

/** The largest sample batch that fits the limits (at most `cap` events). */
export function sampleBatchWithin(limits: { maxEvents: number; maxBytes: number }, cap = 1000): LogBatch {
  const envelopes: LogEnvelope[] = [];
  let bytes = 0;
  // Leave room for framing (array brackets, commas, newlines, wrappers): 10% plus 1 KiB.
  const budget = Math.floor(limits.maxBytes * 0.9) - 1024;
  while (envelopes.length < Math.min(limits.maxEvents, cap)) {
    const next = sampleEnvelope(envelopes.length);
    const size = Buffer.byteLength(JSON.stringify(next)) + 1;
    if (envelopes.length > 0 && bytes + size > budget) break;
    envelopes.push(next);
    bytes += size;
  }
  return batchFromEnvelopes(envelopes, 1);
}
