// Aligned plain-text tables and key/value blocks for the CLI's readable output.
import { createStyle, visibleWidth } from './style.js';

export interface Column<R> {
  header: string;
  value(row: R): string;
  /** Cut longer cells to this many characters (with "…"). */
  max?: number;
  /** Style applied after padding is computed (e.g. colour); must not change the visible text. */
  paint?: (text: string) => string;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - visibleWidth(text)));

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}

/** Rows under a header line, columns separated by two spaces; no trailing blanks. */
export function renderTable<R>(rows: readonly R[], columns: readonly Column<R>[], color = false): string {
  const style = createStyle(color);
  const cells = rows.map((r) => columns.map((c) => (c.max ? truncate(c.value(r), c.max) : c.value(r).replace(/\n/g, ' '))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => (row[i] as string).length)));
  const line = (parts: string[]) => parts.join('  ').trimEnd();
  const head = line(columns.map((c, i) => (i === columns.length - 1 ? c.header : pad(c.header, widths[i] as number))).map((h) => style.bold(h)));
  const body = cells.map((row) =>
    line(
      row.map((cell, i) => {
        const padded = i === columns.length - 1 ? cell : pad(cell, widths[i] as number);
        const paint = columns[i]?.paint;
        return paint ? padded.replace(cell, paint(cell)) : padded;
      }),
    ),
  );
  return [head, ...body].join('\n');
}

/** `key  value` lines with the keys aligned; undefined values are left out. */
export function renderFields(fields: ReadonlyArray<readonly [string, string | undefined]>, color = false): string {
  const style = createStyle(color);
  const shown = fields.filter((f): f is readonly [string, string] => f[1] !== undefined);
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${style.bold(pad(k, width))}  ${v}`).join('\n');
}
