// The CLI's two errors: bad usage or input (CliError) and an error answer from the API (ApiError).
import type { FieldIssue } from './types.js';

/** Wrong usage, unreadable input or an unreachable runner; `exitCode` 2 means usage. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A non-2xx answer of the management API, with its message and field errors. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode: string | undefined,
    readonly errors: readonly FieldIssue[],
    readonly body: unknown,
    readonly retryAfter?: string,
  ) {
    super(message);
  }
}

/** The text printed on stderr for an error, with field errors one per line. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const head = `Error: ${err.message} (HTTP ${err.status}${err.errorCode ? `, ${err.errorCode}` : ''})`;
    const lines = [head, ...err.errors.map((e) => `  ${e.path || '(body)'}: ${e.message}`)];
    if (err.retryAfter) lines.push(`  Retry after ${err.retryAfter} s.`);
    return lines.join('\n');
  }
  if (err instanceof CliError) return `Error: ${err.message}`;
  return `Error: ${err instanceof Error ? err.message : String(err)}`;
}

export function exitCodeOf(err: unknown): number {
  return err instanceof CliError ? err.exitCode : 1;
}
