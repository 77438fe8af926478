// Reads at most `cap` bytes of a (decoded) response stream; a longer body is cut and its socket dropped.
import type { Readable } from 'node:stream';

export interface CappedBody {
  body: Buffer;
  truncated: boolean;
}

/**
 * Resolves with what arrived up to the cap. The signal aborting mid-body rejects with its
 * reason; any other stream error also rejects (a body cut short by the server is a network error).
 */
export function readCapped(stream: Readable, cap: number, signal: AbortSignal): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      stream.off('data', onData);
      fn();
    };
    const onAbort = () =>
      settle(() => {
        stream.destroy();
        reject(signal.reason);
      });
    const onData = (chunk: Buffer) => {
      if (size < cap) chunks.push(chunk.subarray(0, cap - size));
      size += chunk.length;
      if (size > cap)
        settle(() => {
          stream.destroy();
          resolve({ body: Buffer.concat(chunks), truncated: true });
        });
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.once('end', () => settle(() => resolve({ body: Buffer.concat(chunks), truncated: false })));
    stream.once('error', (err) => settle(() => reject(err)));
    stream.once('close', () =>
      settle(() => {
        if (stream.readableEnded) resolve({ body: Buffer.concat(chunks), truncated: false });
        else reject(Object.assign(new Error('The response ended before its body was complete.'), { code: 'ECONNRESET' }));
      }),
    );
  });
}
