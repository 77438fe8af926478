// Measures parseBody on realistic ~1.1 KB Auth0 NDJSON/JSON bodies against the old JSON.parse-per-line path.
// Run after building: node scripts/measure-parse.mjs [rounds]
import { createLogIdGenerator } from '@outflow/core';
import { parseBody } from '../dist/index.js';
import { T0, arrayBodies, ndjsonBodies } from './auth0-bodies.mjs';

const EVENTS = 500;
const BODIES = 40;
const rounds = Number(process.argv[2] ?? 7);

const t0 = T0;
const bodies = ndjsonBodies(BODIES, EVENTS);
const arrays = arrayBodies(bodies);

// --- The old path, inlined (toString + JSON.parse per line, object validation, Buffer.copy) ---
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const STRING_FIELDS = [
  'connection',
  'connection_id',
  'client_name',
  'ip',
  'hostname',
  'user_id',
  'user_name',
  'audience',
  'strategy',
  'strategy_type',
  'user_agent',
  'tenant_name',
  'environment_name',
];
const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
function oldValidate(e) {
  if (typeof e.type !== 'string' || e.type.length === 0 || e.type.length > 100) return 'type';
  if (e.log_id !== undefined && (typeof e.log_id !== 'string' || e.log_id.length === 0 || e.log_id.length > 256)) return 'log_id';
  if (e.date !== undefined && (typeof e.date !== 'string' || !ISO_DATE.test(e.date) || Number.isNaN(Date.parse(e.date)))) return 'date';
  if (e.description != null && typeof e.description !== 'string') return 'description';
  if (e.client_id != null && typeof e.client_id !== 'string') return 'client_id';
  for (const f of STRING_FIELDS) if (e[f] != null && typeof e[f] !== 'string') return f;
  for (const f of ['details', 'location_info', 'security_context']) if (e[f] != null && kind(e[f]) !== 'object') return f;
  for (const f of ['isMobile', 'is_mobile']) if (e[f] !== undefined && typeof e[f] !== 'boolean') return f;
  return undefined;
}
const SUFFIX = Buffer.from('}\n');
function oldParseNdjson(body, ids, now) {
  let buf = Buffer.allocUnsafeSlow(body.length + 64 * 160);
  let at = 0;
  const ends = [],
    logIds = [],
    types = [],
    dates = [];
  let pos = 0;
  while (pos < body.length) {
    let nl = body.indexOf(10, pos);
    if (nl < 0) nl = body.length;
    const start = pos;
    pos = nl + 1;
    if (nl === start) continue;
    const item = JSON.parse(body.toString('utf8', start, nl));
    if (kind(item) !== 'object' || oldValidate(item) !== undefined) throw new Error('bad event');
    const logId = item.log_id ?? ids.next(now);
    const prefix = `{"log_id":${JSON.stringify(logId)},"data":`;
    if (at + prefix.length * 3 + nl - start + 2 > buf.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(buf.length * 2, at + prefix.length * 3 + nl - start + 2));
      buf.copy(next, 0, 0, at);
      buf = next;
    }
    at += buf.write(prefix, at, 'utf8');
    at += body.copy(buf, at, start, nl);
    at += SUFFIX.copy(buf, at);
    ends.push(at);
    logIds.push(logId);
    types.push(item.type);
    dates.push(Date.parse(item.date));
  }
  return { lines: buf.subarray(0, at), ends: Uint32Array.from(ends), logIds, types, dates: Float64Array.from(dates) };
}
function floorParse(body) {
  let pos = 0;
  let n = 0;
  while (pos < body.length) {
    let nl = body.indexOf(10, pos);
    if (nl < 0) nl = body.length;
    if (nl > pos) n += JSON.parse(body.toString('utf8', pos, nl)) ? 1 : 0;
    pos = nl + 1;
  }
  return n;
}

// --- Timing ---------------------------------------------------------------------------------
const ids = createLogIdGenerator('000000000001');
const now = t0;
const opts = { tenant: 't', now, ids };
function time(name, fn, list) {
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const body of list) fn(body);
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / (list.length * EVENTS));
  }
  samples.sort((a, b) => a - b);
  return { name, us: samples[Math.floor(samples.length / 2)], best: samples[0] };
}
const newNd = (body) => {
  const out = parseBody(body, 'ndjson', opts);
  if (!out.ok) throw new Error(out.message);
};
const newJson = (body) => {
  const out = parseBody(body, 'json', opts);
  if (!out.ok) throw new Error(out.message);
};
const oldNd = (body) => oldParseNdjson(body, ids, now);
/** The old JSON-array path: JSON.parse of the body, object validation, JSON.stringify of each event. */
function oldJson(body) {
  const items = JSON.parse(body.toString('utf8'));
  let buf = Buffer.allocUnsafeSlow(body.length + 64 * 160);
  let at = 0;
  const ends = [],
    logIds = [],
    types = [],
    dates = [];
  for (const item of items) {
    if (kind(item) !== 'object' || oldValidate(item) !== undefined) throw new Error('bad event');
    const logId = item.log_id ?? ids.next(now);
    const line = `{"log_id":${JSON.stringify(logId)},"data":${JSON.stringify(item)}}\n`;
    if (at + line.length * 3 > buf.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(buf.length * 2, at + line.length * 3));
      buf.copy(next, 0, 0, at);
      buf = next;
    }
    at += buf.write(line, at, 'utf8');
    ends.push(at);
    logIds.push(logId);
    types.push(item.type);
    dates.push(Date.parse(item.date));
  }
  return { lines: buf.subarray(0, at), ends: Uint32Array.from(ends), logIds, types, dates: Float64Array.from(dates) };
}

// Same output check, then warm up all paths.
const check = parseBody(bodies[0], 'ndjson', opts);
if (!check.ok || !check.batch.lines.equals(oldParseNdjson(bodies[0], ids, now).lines)) throw new Error('new and old NDJSON paths disagree');
for (let w = 0; w < 3; w++) for (const fn of [newNd, oldNd, floorParse]) for (const body of bodies) fn(body);
for (let w = 0; w < 3; w++) for (const fn of [newJson, oldJson]) for (const body of arrays) fn(body);

const avg = bodies.reduce((s, b) => s + b.length, 0) / (BODIES * EVENTS);
console.log(`${BODIES} bodies x ${EVENTS} events, ${avg.toFixed(0)} bytes/event, median of ${rounds} rounds (node ${process.version})`);
const rows = [
  time('JSON.parse floor (toString + JSON.parse per line)', floorParse, bodies),
  time('NDJSON, old path (JSON.parse per line)', oldNd, bodies),
  time('NDJSON, new parseBody', newNd, bodies),
  time('JSON array, old path (JSON.parse + stringify)', oldJson, arrays),
  time('JSON array, new parseBody', newJson, arrays),
];
for (const r of rows) console.log(`${r.name.padEnd(50)} ${r.us.toFixed(2).padStart(6)} µs/event (best ${r.best.toFixed(2)})`);
const [floor, oldN, newN, oldA, newA] = rows;
const pct = (r) => ((floor.us / r.us) * 100).toFixed(0);
console.log(`NDJSON: ${(oldN.us / newN.us).toFixed(2)}x faster than before; throughput ${pct(newN)} % of the JSON.parse floor (before: ${pct(oldN)} %)`);
console.log(`JSON array: ${(oldA.us / newA.us).toFixed(2)}x faster than before; throughput ${pct(newA)} % of the JSON.parse floor (before: ${pct(oldA)} %)`);
