// The console connector instance: writes each batch as lines, in order, one write at a time.
import { ConfigError, DeliveryError, type Connector, type ConnectorContext, type DeliveryResult, type LogBatch, type PayloadPreview } from '@outflow/core';
import { prettyLines } from './pretty.js';
import type { ConsoleConfig } from './types.js';
import { createLineWriter } from './writer.js';

/** How long close() waits for a write still in flight (a stuck stdout pipe must not block shutdown). */
export const CLOSE_GRACE_MS = 2000;

const closedError = () => new DeliveryError('config', 'The connector is closed.');

function targetName(target: ConsoleConfig['target']): string {
  if (typeof target === 'string') return target;
  return 'file' in target ? `file://${target.file}` : `fileRoot:${target.fileInRoot}`;
}

/** Resolves when `work` settles or the signal aborts, whichever is first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function createConsole(ctx: ConnectorContext, config: ConsoleConfig): Connector {
  const fileRoot = ctx.egress.policy.fileRoot;
  if (typeof config.target === 'object' && 'fileInRoot' in config.target && !fileRoot) {
    throw new ConfigError('Console file output is not allowed on this runner.', [
      { path: 'target.fileInRoot', message: 'needs egress.fileRoot in the runner config (the folder streams may write under); it is not set' },
    ]);
  }
  const writer = createLineWriter(config.target, fileRoot);
  const encode = (batch: LogBatch): Buffer => (config.pretty ? prettyLines(batch) : batch.jsonLines());
  /** The previous write: writes are chained so batches never interleave and keep their order. */
  let tail: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | undefined;

  return {
    async send(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> {
      if (closing) return { status: 'permanent', error: closedError() };
      if (batch.length === 0) return { status: 'success' };
      try {
        const bytes = encode(batch);
        const write = tail.then(() => writer.write(bytes));
        tail = write.catch(() => {});
        await untilAborted(write, signal);
        return { status: 'success' };
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        ctx.logger.warn({ target: targetName(config.target), code: e?.code, error: e?.message }, 'Console write failed.');
        return {
          status: 'retryable',
          error: new DeliveryError(
            e?.code === 'EOUTSIDEROOT' ? 'config' : 'transient',
            `Writing to ${targetName(config.target)} failed: ${e?.message ?? String(err)}`,
            { vendorCode: e?.code },
            { cause: err },
          ),
        };
      }
    },

    async healthcheck() {
      if (closing) return { ok: false, error: closedError() };
      try {
        await writer.check();
        return { ok: true, message: `${targetName(config.target)} is writable.` };
      } catch (err) {
        return {
          ok: false,
          error: new DeliveryError('config', `${targetName(config.target)} is not writable: ${(err as Error).message}`, {
            vendorCode: (err as NodeJS.ErrnoException).code,
          }),
        };
      }
    },

    preview(batch: LogBatch): PayloadPreview {
      return { requests: batch.length ? [{ method: 'WRITE', url: targetName(config.target), headers: {}, body: encode(batch).toString('utf8') }] : [] };
    },

    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CLOSE_GRACE_MS);
        timer.unref();
        void tail.then(() => {
          clearTimeout(timer);
          resolve();
        });
      }).then(() => writer.close());
      return closing;
    },
  };
}
