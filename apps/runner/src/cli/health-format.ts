// Readable output of a stream's health: status, lag, counters, times and the recent health records.
import { createStyle } from './style.js';
import { renderFields, renderTable } from './table.js';
import type { HealthRecordView, StreamHealthView } from './types.js';

/** An ISO time with how long ago it was, or "never". */
export function when(iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const ago = Math.max(0, now - Date.parse(iso));
  const text =
    ago < 60_000
      ? `${Math.round(ago / 1000)}s`
      : ago < 3_600_000
        ? `${Math.round(ago / 60_000)}m`
        : ago < 172_800_000
          ? `${Math.round(ago / 3_600_000)}h`
          : `${Math.round(ago / 86_400_000)}d`;
  return `${iso} (${text} ago)`;
}

export function recordsTable(records: readonly HealthRecordView[], color: boolean): string {
  if (!records.length) return 'No health records.';
  const style = createStyle(color);
  return renderTable(
    records,
    [
      { header: 'ID', value: (r) => String(r.id) },
      { header: 'AT', value: (r) => r.at },
      { header: 'KIND', value: (r) => r.kind, paint: style.status },
      { header: 'ERROR', value: (r) => [r.errorKind, r.status].filter((v) => v !== undefined).join(' ') || '-' },
      { header: 'EVENTS', value: (r) => (r.count === undefined ? '-' : String(r.count)) },
      { header: 'MESSAGE', value: (r) => r.message, max: 100 },
    ],
    color,
  );
}

/** When and why events were last moved to dead letters; undefined when none ever were. */
function deadLetterText(h: StreamHealthView, now: number): string | undefined {
  const d = h.lastDeadLetter;
  if (!d) return h.deadLettered > 0 ? 'reason no longer among the recent health records' : undefined;
  const error = [d.errorKind, d.status].filter((v) => v !== undefined).join(' ');
  return `${when(d.at, now)}: ${error ? `${error} ` : ''}${d.message}`;
}

export function healthReport(h: StreamHealthView, color: boolean, now = Date.now()): string {
  const style = createStyle(color);
  const w = h.worker;
  const worker = w
    ? `${w.state}${w.inFlight ? `, ${w.inFlight} in flight` : ''}${w.nextAttemptAt ? `, next attempt at ${new Date(w.nextAttemptAt).toISOString()}` : ''}`
    : 'not running';
  const fields = renderFields(
    [
      ['stream', h.id],
      ['status', style.status(h.status)],
      ['suspended', h.suspendedReason],
      ['worker', worker],
      ['runner', h.runner === undefined ? undefined : (h.runner ?? 'none')],
      ['lag', `${h.lagEvents} event(s), ${h.lagSeconds} s (cursor ${h.cursor} of ${h.lastSeq})`],
      ['delivered', String(h.delivered)],
      ['failed', `${h.failed} in ${h.failedRounds} failed round(s)`],
      ['dead letters', `${h.deadLetters} waiting (${h.deadLettered} dead-lettered in all)`],
      ['last success', when(h.lastSuccessAt, now)],
      [
        'last error',
        w?.lastError
          ? `${when(h.lastErrorAt, now)}: ${w.lastError.kind}${w.lastError.status ? ` ${w.lastError.status}` : ''} ${w.lastError.message}`
          : when(h.lastErrorAt, now),
      ],
      ['last dead letter', deadLetterText(h, now)],
      ['failing since', h.failingSince ? when(h.failingSince, now) : undefined],
    ],
    color,
  );
  return `${fields}\n\n${style.bold('Recent health records')}\n${recordsTable(h.records, color)}`;
}
