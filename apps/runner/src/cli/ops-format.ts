// Readable output of stream operations: dead letters, replay, redrive, a test event and a preview.
import { createStyle } from './style.js';
import { renderFields, renderTable } from './table.js';
import type { DeadLetterView, PreviewAnswer, TestAnswer } from './types.js';

export function deadLettersTable(letters: readonly DeadLetterView[], color: boolean): string {
  if (!letters.length) return 'No dead letters.';
  return renderTable(
    letters,
    [
      { header: 'ID', value: (l) => String(l.id) },
      { header: 'AT', value: (l) => l.at },
      { header: 'LOG_ID', value: (l) => l.log_id },
      { header: 'TYPE', value: (l) => l.type },
      { header: 'ERROR', value: (l) => [l.errorKind, l.status].filter((v) => v !== undefined).join(' ') },
      { header: 'MESSAGE', value: (l) => l.message, max: 100 },
    ],
    color,
  );
}

export function testReport(t: TestAnswer, color: boolean): string {
  const style = createStyle(color);
  const event = t.event as { log_id?: string; type?: string };
  const head = t.ok ? 'The destination accepted the test event.' : 'The destination did not accept the test event.';
  return `${head}\n${renderFields(
    [
      ['result', style.status(t.result)],
      ['error', t.kind],
      ['http status', t.httpStatus === undefined ? undefined : String(t.httpStatus)],
      ['message', t.message],
      ['duration', `${t.durationMs} ms`],
      ['event', event.log_id ? `${event.log_id}${event.type ? ` (type ${event.type})` : ''}` : undefined],
    ],
    color,
  )}`;
}

export function previewReport(p: PreviewAnswer, color: boolean): string {
  const style = createStyle(color);
  const parts = [`${p.events.length} sample event(s) would be sent in ${p.requests.length} request(s).`];
  p.requests.forEach((r, i) => {
    const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
    parts.push(`${style.bold(`Request ${i + 1}: ${r.method} ${r.url}`)}\n${headers.join('\n')}\n\n${r.body}`);
  });
  return parts.join('\n\n');
}
