// The Connector around a vendor SDK client: closed-state answers, in-flight signals, a debug line per batch, release once idle.
import {
  DeliveryError,
  trackInFlight,
  type Connector,
  type ConnectorContext,
  type DeliveryResult,
  type HealthResult,
  type LogBatch,
  type PayloadPreview,
} from '@outflow/core';

export const closedError = () => new DeliveryError('config', 'The connector is closed.');

export interface SdkConnectorParts {
  ctx: ConnectorContext;
  /** What a batch's requests are, for the debug line, e.g. `The PutEvents calls`. */
  requests: string;
  /** One attempt at a non-empty batch, on a signal aborted by the attempt or by close. */
  deliver(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult>;
  /** The healthcheck, on a signal aborted by the attempt or by close. */
  probe(signal: AbortSignal): Promise<HealthResult>;
  preview(batch: LogBatch): PayloadPreview;
  /** Frees the client and the transport lease, once the work in flight is done (or aborted past the bound). */
  release(): void | Promise<void>;
}

export function sdkConnector(parts: SdkConnectorParts): Connector {
  const { ctx } = parts;
  const inFlight = trackInFlight(ctx.clock);
  return {
    async send(batch, signal) {
      if (inFlight.closed) return { status: 'permanent', error: closedError() };
      if (batch.length === 0) return { status: 'success' };
      const started = Date.now();
      const result = await inFlight.run(signal, (linked) => parts.deliver(batch, linked));
      ctx.logger.debug({ events: batch.length, outcome: result.status, ms: Date.now() - started }, `${parts.requests} of a batch finished.`);
      return result;
    },
    async healthcheck(signal) {
      if (inFlight.closed) return { ok: false, error: closedError() };
      return inFlight.run(signal, parts.probe);
    },
    preview: (batch) => (batch.length === 0 ? { requests: [] } : parts.preview(batch)),
    close: () => inFlight.close(parts.release),
  };
}
