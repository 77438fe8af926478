// The bench's events: generated once from the seed, written as the NDJSON lines the load generator sends.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEvents } from '@outflow/samples';

export interface Workload {
  /** NDJSON file, one event per line. */
  file: string;
  /** Each line's text, without its newline (for the JSON.parse floor). */
  lines: string[];
  /** Type code of each event. */
  types: string[];
  avgBytes: number;
}

export const WORKLOAD_SEED = 20_250_601;

export function buildWorkload(dir: string, events: number): Workload {
  const list = sampleEvents(events, WORKLOAD_SEED);
  const lines = list.map((e) => JSON.stringify(e));
  const file = join(dir, 'events.ndjson');
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  return { file, lines, types: list.map((e) => e.type), avgBytes: Buffer.byteLength(text) / events };
}
