// A scripted fake connector for tests: records every batch and answers with scripted results.
import {
  defineConnector,
  operatorOnly,
  secret,
  type ConnectorDefinition,
  type DeliveryResult,
  type HealthResult,
  type LogBatch,
  type BatchLimits,
} from '@outflow/core';
import { z } from 'zod';

export interface SentCall {
  streamId: string;
  /** Clock time of the attempt. */
  at: number;
  seqs: number[];
  logIds: string[];
  /** Each event's text as the connector received it. */
  raws: string[];
  batch: LogBatch;
  signal: AbortSignal;
  result?: DeliveryResult;
}

export type Script = (batch: LogBatch, call: number, signal: AbortSignal) => DeliveryResult | Promise<DeliveryResult>;

export interface FakeDestination {
  readonly calls: SentCall[];
  /** Seqs the destination accepted, in order, duplicates included. */
  readonly accepted: number[];
  script: Script;
  closed: number;
  created: number;
  /** Configs the connector was created with. */
  readonly configs: FakeConfig[];
  /** Answers the healthcheck (the start probe); ok when unset. */
  health?: ((signal: AbortSignal) => Promise<HealthResult>) | undefined;
}

export const fakeConfigSchema = z.object({
  url: z.string().url(),
  token: secret('API token').optional(),
  localPath: operatorOnly(z.string().optional(), 'it writes on the runner'),
});
export type FakeConfig = z.output<typeof fakeConfigSchema>;

export const success: DeliveryResult = { status: 'success' };

export function createFakeDestination(script: Script = () => success): FakeDestination {
  return { calls: [], accepted: [], script, closed: 0, created: 0, configs: [] };
}

export function fakeDefinition(
  dest: FakeDestination,
  limits: Partial<BatchLimits> = {},
  clockNow: () => number = Date.now,
  onCreate?: (config: FakeConfig, egressCheck: (url: string) => void) => void,
): ConnectorDefinition<FakeConfig> {
  return defineConnector({
    type: 'fake',
    displayName: 'Fake destination',
    configSchema: fakeConfigSchema,
    limits: { maxEvents: 10_000, maxBytes: 64 * 1024 * 1024, maxEventBytes: 1024 * 1024, ...limits },
    create(ctx, config) {
      onCreate?.(config, (url) => ctx.egress.checkUrl(url));
      dest.created++;
      dest.configs.push(config);
      return {
        async healthcheck(signal) {
          return dest.health ? dest.health(signal) : { ok: true };
        },
        async send(batch, signal) {
          const call: SentCall = {
            streamId: ctx.streamId,
            at: clockNow(),
            seqs: [...batch.seqs],
            logIds: [...batch.logIds],
            raws: Array.from({ length: batch.length }, (_, i) => batch.raw(i).toString('utf8')),
            batch,
            signal,
          };
          dest.calls.push(call);
          const result = await dest.script(batch, dest.calls.length, signal);
          call.result = result;
          if (result.status === 'success') dest.accepted.push(...batch.seqs);
          if (result.status === 'partial') {
            const failed = new Set(result.failed.map((f) => f.index));
            batch.seqs.forEach((s, i) => {
              if (!failed.has(i)) dest.accepted.push(s);
            });
          }
          return result;
        },
        async close() {
          dest.closed++;
        },
      };
    },
  });
}
