// Logs and errors: secrets never show, not even when the destination echoes them; messages are sentences.
import { describe, expect, it } from 'vitest';
import { sampleBatch } from '../sample-envelopes.js';
import type { Harness, OpenOptions } from './harness.js';
import { findSecretLeaks } from './leaks.js';
import type { ResolvedOptions } from './options.js';

/** A log message is a sentence: it starts with a capital (or a code) and ends with a period. */
export function logMessageProblems(messages: ReadonlyArray<string | undefined>): string[] {
  return messages.filter((m) => m !== undefined && !/[.!?]$/.test(m.trim())).map((m) => `log message "${m}" does not end with a period`);
}

export function describeLogging(options: ResolvedOptions, open: (o?: OpenOptions) => Promise<Harness>): void {
  describe('logs and errors', () => {
    it('keeps secrets out of logs, results and errors across success, failures and healthchecks', async () => {
      const h = await open();
      const batch = sampleBatch(options.batchSize);
      const results = [await h.send(batch)];
      if (options.http) {
        const echo = `rejected credentials ${options.secretValues.join(' ')}`;
        for (const status of [401, 400, 500]) {
          if (options.defaultResponder) h.fake.enqueue({ status, headers: { 'x-echo': echo.replace(/[^\x20-\x7e]/g, '?') }, body: { error: echo } });
          else options.respondWith(h.fake, status);
          results.push(await h.send(batch));
        }
      }
      await h.healthcheck();
      await h.connector.close();
      expect(findSecretLeaks(results, options.secretValues)).toEqual([]);
      expect(findSecretLeaks(h.logs.entries, options.secretValues)).toEqual([]);
      expect(logMessageProblems(h.logs.entries.map((e) => e.msg))).toEqual([]);
    });
  });
}
