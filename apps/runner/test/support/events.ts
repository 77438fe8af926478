// Builds realistic Auth0-shaped test events and NDJSON bodies.
let counter = 0;
const TYPES = ['s', 'f', 'fp', 'fu', 'ss', 'sapi', 'seacft', 'slo', 'w', 'gd_send_sms'] as const;

export function makeEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = ++counter;
  return {
    log_id: `9002026112410000000000${String(process.pid).padStart(8, '0')}${String(n).padStart(18, '0')}`,
    date: new Date().toISOString(),
    type: TYPES[n % TYPES.length],
    description: 'Test event',
    client_id: 'AaiyAPdpYdesoKnqjj8HJqRn4T5titww',
    client_name: 'Outflow tests',
    ip: '203.0.113.7',
    user_agent: 'Chrome 120.0.0 / Mac OS X 10.15.7',
    user_id: `auth0|${n}`,
    user_name: `user${n}@example.com`,
    connection: 'Username-Password-Authentication',
    hostname: 'tenant.example.auth0.com',
    details: { prompts: [], initiatedAt: 1, completedAt: 2, elapsedTime: 1, session_id: `sess-${n}` },
    ...overrides,
  };
}

export function ndjson(events: readonly Record<string, unknown>[]): string {
  return `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
}

export async function ingest(url: string, token: string, events: readonly Record<string, unknown>[]): Promise<Response> {
  return fetch(`${url}/v1/logs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: ndjson(events),
  });
}

/** Ingests `total` events in batches, asserting each batch was accepted; returns their log_ids. */
export async function ingestMany(url: string, token: string, total: number, batchSize = 500, make = () => makeEvent()): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < total; i += batchSize) {
    const events = Array.from({ length: Math.min(batchSize, total - i) }, make);
    const res = await ingest(url, token, events);
    if (res.status !== 202) throw new Error(`Ingest answered ${res.status}: ${await res.text()}`);
    ids.push(...events.map((e) => e.log_id as string));
  }
  return ids;
}
