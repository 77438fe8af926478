// Makes the store's config-managed streams match the config file; cursors survive restarts.
import { createHash } from 'node:crypto';
import type { Logger, Store, StreamFilter } from '@outflow/core';
import type { StreamConfig } from './schema.js';

/** Stable id of a config stream: the same tenant and name keep their cursor across restarts. */
export function configStreamId(tenant: string, name: string): string {
  return `lst_${createHash('sha256').update(`${tenant}\u0000${name}`).digest('hex').slice(0, 16)}`;
}

export async function syncConfigStreams(store: Store, streams: readonly StreamConfig[], logger: Logger, now: number): Promise<void> {
  const existing = new Map((await store.streams.list()).filter((s) => s.managedBy === 'config').map((s) => [s.id, s]));
  for (const s of streams) {
    const id = configStreamId(s.tenant, s.name);
    const current = existing.get(id);
    existing.delete(id);
    const fields = { name: s.name, sink: s.sink, filters: s.filters as StreamFilter[], pii_config: s.pii_config, isPriority: s.isPriority };
    if (current && current.type === s.type) {
      await store.streams.update(id, fields, now);
      continue;
    }
    if (current) await store.streams.delete(id);
    const cursor = s.startFrom ? await store.events.seek(s.tenant, Date.parse(s.startFrom)) : (await store.events.bounds(s.tenant)).lastSeq;
    await store.streams.create({ id, tenant: s.tenant, type: s.type, status: s.status ?? 'active', managedBy: 'config', ...fields }, cursor, now);
    logger.info({ stream: id, name: s.name, type: s.type, cursor }, 'Created stream from the config file.');
  }
  for (const stale of existing.values()) {
    await store.streams.delete(stale.id);
    logger.info({ stream: stale.id, name: stale.name }, 'Removed stream no longer in the config file.');
  }
}
