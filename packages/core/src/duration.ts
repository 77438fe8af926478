// Parses human durations ("30d", "7d", "500ms", "1h30m") into milliseconds.
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;

export function parseDuration(text: string | number): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0) throw new RangeError(`Duration must be a non-negative number of milliseconds, got ${text}.`);
    return text;
  }
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  PART.lastIndex = 0;
  let total = 0;
  let matched = 0;
  for (let m = PART.exec(s); m; m = PART.exec(s)) {
    total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
    matched = PART.lastIndex;
  }
  if (matched === 0 || matched !== s.length) {
    throw new RangeError(`"${text}" is not a duration; use a number with ms, s, m, h, d or w (e.g. "30d", "500ms").`);
  }
  return Math.round(total);
}

export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
