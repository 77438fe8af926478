// The application/json body: one pass over a top-level array (or single value), checking each item as it is scanned.
import { addScanned, ev, type Context } from './parse-item.js';
import { E_AFTER, E_ARRAY_NEXT } from './scan-errors.js';
import { scanItem } from './scan-event.js';
import { errorText, fail, scan, skipWs } from './scan-json.js';

const NEWLINE = 0x0a;

/** Parses the JSON body into ctx; returns a message when the whole body is refused. */
export function parseJson(ctx: Context): string | undefined {
  const b = ctx.bytes;
  const end = b.length;
  let pos = skipWs(b, 0, end);
  let count = 0;
  if (pos < end && b[pos] === 0x5b) {
    pos = skipWs(b, pos + 1, end);
    if (pos < end && b[pos] === 0x5d) pos++;
    else {
      for (;;) {
        const start = pos;
        pos = scanItem(b, pos, end, ev, 1);
        if (pos < 0) return bodyError(b);
        // Items past the limit are only checked for syntax: a syntax error is still reported first.
        if (count < ctx.maxEvents) addScanned(ctx, start, pos, count, undefined);
        count++;
        pos = skipWs(b, pos, end);
        const d = pos < end ? b[pos] : -1;
        if (d === 0x2c) pos = skipWs(b, pos + 1, end);
        else if (d === 0x5d) {
          pos++;
          break;
        } else {
          fail(E_ARRAY_NEXT, pos);
          return bodyError(b);
        }
      }
    }
  } else {
    const start = pos;
    pos = scanItem(b, pos, end, ev, 0);
    if (pos < 0) return bodyError(b);
    addScanned(ctx, start, pos, count++, undefined);
  }
  const rest = skipWs(b, pos, end);
  if (rest < end) {
    fail(E_AFTER, rest);
    return bodyError(b);
  }
  if (count > ctx.maxEvents) return `The body holds more than ${ctx.maxEvents} events; send at most ${ctx.maxEvents} per request.`;
  return undefined;
}

/** The last scan error with its line and column in the body. */
function bodyError(b: Uint8Array): string {
  const at = scan.at;
  let lineStart = 0;
  let line = 1;
  for (let i = b.indexOf(NEWLINE); i >= 0 && i < at; i = b.indexOf(NEWLINE, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const text = errorText(b, lineStart, b.length);
  return `The body is not valid JSON: ${line === 1 ? text : text.replace(/ at column (\d+)$/, ` at line ${line}, column $1`)}`;
}
