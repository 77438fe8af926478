// The batch column codec: what a store writes for a batch reads back the same, and malformed batches are refused.
import type { PreparedBatch } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { checkBatch, decodeEnds, decodeNames, encodeColumns, NameEncoding, toStored } from '../src/index.js';

function batchOf(lines: string[], types: string[], logIds: string[]): PreparedBatch {
  const buf = Buffer.from(lines.map((l) => `${l}\n`).join(''));
  let end = 0;
  const ends = Uint32Array.from(lines, (l) => (end += Buffer.byteLength(l) + 1));
  return { tenant: 'acme', lines: buf, ends, logIds, types, dates: Float64Array.from(lines, (_, i) => 1_767_225_600_000 + i) };
}

describe('batch columns', () => {
  it('round-trips ends, dates and names joined by newlines', () => {
    const b = batchOf(['{"a":1}', '{"é":"ü"}'], ['s', 'fp'], ['900001', '900002']);
    const c = encodeColumns(b);
    expect(c.encoding).toBe(NameEncoding.Lines);
    expect(c.types).toBe('s\nfp');
    expect([...decodeEnds(Buffer.from(c.ends))]).toEqual([...b.ends]);
    expect([...new Float64Array(new Uint8Array(c.dates).buffer)]).toEqual([...b.dates]);
    expect(decodeNames(c.logIds, c.encoding)).toEqual(b.logIds);
  });

  it('switches to JSON arrays when a name holds a newline', () => {
    const b = batchOf(['{}'], ['odd\ntype'], ['1']);
    const c = encodeColumns(b);
    expect(c.encoding).toBe(NameEncoding.Json);
    expect(decodeNames(c.types, c.encoding)).toEqual(['odd\ntype']);
  });

  it('refuses batches whose parts do not line up', () => {
    expect(() => checkBatch({ ...batchOf(['{}'], ['s'], ['1']), tenant: '' })).toThrow(/tenant/);
    expect(() => checkBatch({ ...batchOf(['{}', '{}'], ['s'], ['1', '2']) })).toThrow(/one log_id, type and date/);
    expect(() => checkBatch({ ...batchOf(['{}'], ['s'], ['1']), lines: Buffer.from('{}x') })).toThrow(/not a line/);
    expect(() => checkBatch({ ...batchOf(['{}'], ['s'], ['1']), lines: Buffer.from('{}\n{') })).toThrow(/after the last event/);
  });
});

describe('rows', () => {
  it('maps a stream row to the stored stream with its delivery state', () => {
    const definition = {
      id: 'lst_1',
      tenant: 'acme',
      name: 'siem',
      type: 'http',
      status: 'active',
      sink: {},
      filters: [],
      isPriority: false,
      managedBy: 'api',
    };
    const s = toStored({
      id: 'lst_1',
      tenant: 'acme',
      definition: JSON.stringify(definition),
      cursor: 7,
      generation: 2,
      failing_since: null,
      last_success_at: 5,
      last_error_at: null,
      delivered: 3,
      dead_lettered: 1,
      suspended_reason: null,
    });
    expect(s).toMatchObject({
      id: 'lst_1',
      name: 'siem',
      state: { cursor: 7, generation: 2, lastSuccessAt: 5, delivered: 3, deadLettered: 1, failingSince: null },
    });
  });
});
