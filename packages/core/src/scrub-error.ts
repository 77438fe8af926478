// Copies an error chain keeping only name, code and a redacted message: HTTP client errors carry
// the request (headers with tokens), and a DeliveryError keeps its error as `cause`.
import { redactText } from './redact.js';

export function scrubError(err: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (!(err instanceof Error)) return err;
  const { code, cause } = err as { code?: unknown; cause?: unknown };
  const inner = cause === undefined || depth >= 5 ? undefined : scrubError(cause, secrets, depth + 1);
  const copy = new Error(redactText(err.message, secrets), inner === undefined ? undefined : { cause: inner });
  copy.name = err.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  return typeof code === 'string' ? Object.assign(copy, { code }) : copy;
}
