// The list's status derivation, search, filter, sort and paging, without a browser.
import { describe, expect, it } from 'vitest';
import type { StreamWithDeliveryView } from '../src/api/types';
import { displayState, FAILING_AFTER_MS } from '../src/lib/delivery-status';
import { countByStatus, pageOf, queryRows, toRows } from '../src/lib/stream-query';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function stream(
  name: string,
  type: string,
  status: 'active' | 'paused' | 'suspended',
  failing?: { since: number; kind: string; status?: number },
): StreamWithDeliveryView {
  return {
    id: `lst_${name}`,
    name,
    type,
    status,
    isPriority: false,
    filters: [],
    sink: {},
    managedBy: 'api',
    delivery: {
      failingSince: failing ? ago(failing.since) : null,
      lastSuccessAt: null,
      lastErrorAt: failing ? ago(0) : null,
      workerState: 'idle',
      lastError: failing ? { kind: failing.kind, ...(failing.status ? { status: failing.status } : {}), message: 'It failed.', at: ago(0) } : null,
    },
  };
}

describe('displayState', () => {
  it('is Active while the latest round succeeded, Retrying on a fresh transient failure, Failing when it needs a fix or lasts', () => {
    expect(displayState('active', stream('a', 'http', 'active').delivery, NOW)).toEqual({ status: 'active' });
    expect(displayState('active', stream('b', 'http', 'active', { since: 1000, kind: 'transient', status: 500 }).delivery, NOW)).toEqual({
      status: 'retrying',
      error: 'HTTP 500: It failed.',
    });
    expect(displayState('active', stream('c', 'http', 'active', { since: 1000, kind: 'auth', status: 401 }).delivery, NOW).status).toBe('failing');
    expect(displayState('active', stream('d', 'http', 'active', { since: FAILING_AFTER_MS + 1, kind: 'transient' }).delivery, NOW).status).toBe('failing');
    // Paused and suspended say so, whatever the last round did.
    expect(displayState('paused', stream('e', 'http', 'paused', { since: 1000, kind: 'transient' }).delivery, NOW)).toEqual({ status: 'paused' });
  });
});

describe('queryRows', () => {
  const rows = toRows(
    [
      stream('Stream 10', 'http', 'active'),
      stream('stream 9', 'console', 'paused'),
      stream('Zed', 'datadog', 'active', { since: 1000, kind: 'transient' }),
      stream('Alpha', 'http', 'suspended'),
    ],
    new Map([['datadog', 'Datadog']]),
    NOW,
  );

  it('searches name, type and service name, every word', () => {
    expect(queryRows(rows, { search: 'STREAM', status: 'all', sort: 'name' }).map((r) => r.stream.name)).toEqual(['stream 9', 'Stream 10']);
    expect(queryRows(rows, { search: 'datadog', status: 'all', sort: 'name' }).map((r) => r.stream.name)).toEqual(['Zed']);
    expect(queryRows(rows, { search: 'stream console', status: 'all', sort: 'name' }).map((r) => r.stream.name)).toEqual(['stream 9']);
  });

  it('filters by status and sorts by name (numeric), name descending and status', () => {
    expect(queryRows(rows, { search: '', status: 'retrying', sort: 'name' }).map((r) => r.stream.name)).toEqual(['Zed']);
    expect(queryRows(rows, { search: '', status: 'all', sort: 'name-desc' }).map((r) => r.stream.name)).toEqual(['Zed', 'Stream 10', 'stream 9', 'Alpha']);
    expect(queryRows(rows, { search: '', status: 'all', sort: 'status' }).map((r) => r.shown.status)).toEqual(['suspended', 'retrying', 'paused', 'active']);
    expect(countByStatus(rows)).toEqual({ active: 1, retrying: 1, failing: 0, paused: 1, suspended: 1 });
  });

  it('pages, clamping the page number', () => {
    const items = Array.from({ length: 60 }, (_, i) => i);
    expect(pageOf(items, 3, 25)).toMatchObject({ items: items.slice(50), page: 3, pages: 3, from: 51, to: 60 });
    expect(pageOf(items, 9, 25).page).toBe(3);
    expect(pageOf([], 1, 25)).toMatchObject({ items: [], page: 1, pages: 1, from: 0, to: 0 });
  });
});
