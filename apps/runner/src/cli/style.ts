// Terminal styling for the CLI: ANSI colour only when stdout is a terminal and NO_COLOR is unset.

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  /** Colours a stream or result status: green when good, yellow when waiting, red when failing. */
  status(text: string): string;
}

const wrap = (code: number, text: string) => `\x1b[${code}m${text}\x1b[0m`;
const GOOD = new Set(['active', 'success', 'ok', 'sending', 'idle', 'delivered']);
const WAITING = new Set(['paused', 'partial', 'retryable', 'backing_off', 'cursor_moved']);

export function createStyle(color: boolean): Style {
  if (!color) return { bold: (t) => t, dim: (t) => t, status: (t) => t };
  return {
    bold: (t) => wrap(1, t),
    dim: (t) => wrap(2, t),
    status: (t) => wrap(GOOD.has(t) ? 32 : WAITING.has(t) ? 33 : 31, t),
  };
}

/** Visible width of a string, ignoring ANSI colour codes. */
export function visibleWidth(text: string): number {
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
