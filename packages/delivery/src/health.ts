// Health records and error descriptions for a stream, with secrets redacted.
import { redactText, type DeliveryError, type NewHealthRecord } from '@outflow/core';
import type { WorkerError } from './types.js';
import type { WorkerContext } from './worker-context.js';

/** The error as health records, dead letters and logs may show it (never a response body). */
export function describeError(ctx: Pick<WorkerContext, 'secrets'>, error: DeliveryError, at: number): WorkerError {
  return {
    kind: error.kind,
    ...(error.details.status !== undefined ? { status: error.details.status } : {}),
    message: redactText(error.message, ctx.secrets),
    at,
  };
}

export type HealthInput = Omit<NewHealthRecord, 'streamId' | 'tenant' | 'at'>;

/** Appends a health record for the stream; a store failure is logged, not thrown. */
export async function appendHealth(ctx: Pick<WorkerContext, 'store' | 'stream' | 'clock' | 'logger' | 'secrets'>, record: HealthInput): Promise<void> {
  try {
    await ctx.store.health.append({
      ...record,
      message: redactText(record.message, ctx.secrets),
      streamId: ctx.stream.id,
      tenant: ctx.stream.tenant,
      at: ctx.clock.now(),
    });
  } catch (err) {
    ctx.logger.error({ kind: record.kind, error: errorText(err, ctx.secrets) }, 'Writing a health record failed.');
  }
}

/** A thrown value's message, redacted, for logs. */
export function errorText(err: unknown, secrets: readonly string[]): string {
  return redactText(err instanceof Error ? err.message : String(err), secrets);
}
