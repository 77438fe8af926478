// LogBatch built from per-event texts or from line regions with end offsets: both forms agree.
import { describe, expect, it } from 'vitest';
import { allIndices, allocSized, createLogBatch, type LogBatch } from '../src/index.js';

const texts = ['{"log_id":"a","data":{"type":"s"}}', '{"log_id":"bb","data":{"type":"f","description":"é"}}', '{"log_id":"c","data":{"type":"fp"}}'];
const columns = { seqs: [7, 8, 9], logIds: ['a', 'bb', 'c'], types: ['s', 'f', 'fp'] };

/** The three events laid out as lines split into regions at the given byte offsets of the whole. */
function fromRegions(cuts: number[]): LogBatch {
  const whole = Buffer.from(texts.map((t) => `${t}\n`).join(''));
  const ends: number[] = [];
  let at = 0;
  for (const t of texts) ends.push((at += Buffer.byteLength(t) + 1));
  const bounds = [0, ...cuts, whole.length];
  const lines = bounds.slice(1).map((end, i) => whole.subarray(bounds[i], end));
  return createLogBatch({ ...columns, lines, ends });
}

const fromRaws = () => createLogBatch({ ...columns, raws: texts.map((t) => Buffer.from(t)) });

describe('LogBatch', () => {
  const lineEnd = (i: number) => texts.slice(0, i + 1).reduce((n, t) => n + Buffer.byteLength(t) + 1, 0);
  const forms: Array<[string, () => LogBatch]> = [
    ['per-event buffers', fromRaws],
    ['one region', () => fromRegions([])],
    ['a region per line', () => fromRegions([lineEnd(0), lineEnd(1)])],
    ['empty regions between lines', () => fromRegions([0, lineEnd(0), lineEnd(0), lineEnd(1), lineEnd(1)])],
  ];

  for (const [name, make] of forms) {
    it(`gives the same texts, sizes and bodies from ${name}`, () => {
      const b = make();
      expect(b.length).toBe(3);
      expect(b.byteLength).toBe(texts.reduce((n, t) => n + Buffer.byteLength(t), 0));
      texts.forEach((t, i) => {
        expect(b.raw(i).toString('utf8')).toBe(t);
        expect(b.rawLength(i)).toBe(Buffer.byteLength(t));
      });
      expect(b.jsonLines().toString('utf8')).toBe(texts.map((t) => `${t}\n`).join(''));
      expect(JSON.parse(b.jsonArray().toString('utf8'))).toEqual(texts.map((t) => JSON.parse(t)));
      expect(b.envelopes().map((e) => e.log_id)).toEqual(['a', 'bb', 'c']);
      const tail = b.slice(1);
      expect([tail.seqs, tail.raw(0).toString('utf8'), tail.jsonLines().toString('utf8')]).toEqual([[8, 9], texts[1], `${texts[1]}\n${texts[2]}\n`]);
      const picked = b.pick([2, 0]);
      expect([picked.logIds, picked.raw(0).toString('utf8'), picked.rawLength(1)]).toEqual([['c', 'a'], texts[2], Buffer.byteLength(texts[0] as string)]);
      expect(() => b.raw(3)).toThrow(/out of range/);
      expect(() => b.rawLength(-1)).toThrow(/out of range/);
    });
  }

  it('refuses line ends that do not end where the regions end', () => {
    expect(() => createLogBatch({ ...columns, lines: [Buffer.from('x\ny\nz\n')], ends: [2, 4, 7] })).toThrow(/line ends/);
    expect(() => createLogBatch({ ...columns, lines: [Buffer.from('x\ny\n')], ends: [2, 4] })).toThrow(/one seq, log_id and type/);
    expect(() => createLogBatch({ ...columns, lines: [Buffer.from('x\ny'), Buffer.from('\nz\n')], ends: [2, 4, 6] })).toThrow(/line 1 crosses/);
    expect(() => createLogBatch({ ...columns, lines: [Buffer.from('x\n\nz\n')], ends: [2, 2, 5] })).toThrow(/line 1 is empty/);
  });

  it('shares frozen index lists', () => {
    expect(allIndices(4)).toEqual([0, 1, 2, 3]);
    expect(allIndices(4)).toBe(allIndices(4));
    expect(Object.isFrozen(allIndices(3))).toBe(true);
    expect(allIndices(5000)).toHaveLength(5000);
  });
});

describe('allocSized', () => {
  it('gives exactly n bytes, on memory rounded up to a size class above the pool size', () => {
    for (const [n, capacity] of [
      [5000, 8192],
      [65536, 65536],
      [70000, 131072],
      [570_000, 589_824],
      [1_500_000, 2_097_152],
    ] as const) {
      const b = allocSized(n);
      expect([b.length, b.buffer.byteLength]).toEqual([n, capacity]);
    }
    expect(allocSized(100)).toHaveLength(100);
  });
});
