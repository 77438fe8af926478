// A patch that sends a sink somewhere new must carry its secrets again, so stored credentials never follow a changed URL or host.
import { changedDestinationPaths, REDACTED, secretPaths, valueAtPath, type StoredStream } from '@outflow/core';
import type { ApiDeps } from './api-deps.js';
import { invalidSink } from './sink-check.js';

const sentAgain = (value: unknown) => value !== undefined && value !== null && value !== REDACTED;

/** Throws 400 naming each stored secret the patch must re-send when it changes a destination field (URL origin, host, region). */
export function requireSecretsForNewDestination(
  deps: Pick<ApiDeps, 'registry'>,
  current: StoredStream,
  patchSink: Record<string, unknown>,
  merged: Record<string, unknown>,
): void {
  const def = deps.registry.get(current.type);
  if (!def) return;
  const changed = changedDestinationPaths(def.configSchema, current.sink, merged);
  if (!changed.length) return;
  const fields = changed.map((p) => `sink.${p}`).join(', ');
  const missing = secretPaths(def.configSchema).filter((p) => valueAtPath(merged, p) !== undefined && !sentAgain(valueAtPath(patchSink, p)));
  if (missing.length) {
    throw invalidSink(
      missing.map((p) => ({
        path: `sink.${p}`,
        message: `must be sent again because the patch changes where the stream sends (${fields}); stored secrets never follow a new destination`,
      })),
    );
  }
}
