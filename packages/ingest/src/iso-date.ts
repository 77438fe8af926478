// ISO 8601 date-times of events: the general check (regex + Date.parse) and a byte fast path.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Epoch ms of an accepted ISO 8601 date-time, or NaN. Date.parse checks the month, the time (hour 24
 * only as 24:00:00, the end of the day; no leap second) and the offset, but rolls impossible days
 * over (February 30 becomes March 2): the day is checked against its month here.
 */
export function isoDateMs(text: string): number {
  if (!ISO_DATE.test(text)) return NaN;
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(Number(text.slice(0, 4)), m)) return NaN;
  return Date.parse(text);
}

function digits2(b: Uint8Array, i: number): number {
  const h = b[i]! - 0x30;
  const l = b[i + 1]! - 0x30;
  return h >= 0 && h <= 9 && l >= 0 && l <= 9 ? h * 10 + l : -1;
}

/** Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1-12). */
function daysFromCivil(y: number, m: number, d: number): number {
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Epoch ms of b[s, e) when it is exactly `YYYY-MM-DDTHH:MM:SS(.s|.ss|.sss)?Z` with every part in
 * range, else NaN: the caller then decides with isoDateMs (offsets, other shapes, bad dates).
 */
export function fastIsoDateMs(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len !== 20 && (len < 22 || len > 24)) return NaN;
  if (b[s + 4] !== 0x2d || b[s + 7] !== 0x2d || b[s + 10] !== 0x54 || b[s + 13] !== 0x3a || b[s + 16] !== 0x3a || b[e - 1] !== 0x5a) return NaN;
  const yh = digits2(b, s);
  const yl = digits2(b, s + 2);
  const mo = digits2(b, s + 5);
  const d = digits2(b, s + 8);
  const h = digits2(b, s + 11);
  const mi = digits2(b, s + 14);
  const sec = digits2(b, s + 17);
  if (yh < 0 || yl < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return NaN;
  const y = yh * 100 + yl;
  if (d > daysInMonth(y, mo)) return NaN;
  let ms = 0;
  if (len > 20) {
    if (b[s + 19] !== 0x2e) return NaN;
    let scale = 100;
    for (let i = s + 20; i < e - 1; i++) {
      const c = b[i]! - 0x30;
      if (c < 0 || c > 9) return NaN;
      ms += c * scale;
      scale /= 10;
    }
  }
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
}
