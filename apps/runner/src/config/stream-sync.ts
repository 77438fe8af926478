// Makes the store's config-managed streams match the config file; cursors survive restarts.
import { createHash } from 'node:crypto';
import type { Logger, Store, StreamFilter } from '@outflow/core';
import type { StreamConfig } from './schema.js';

/** Stable id of a config stream: the same tenant and name keep their cursor across restarts. */
export function configStreamId(tenant: string, name: string): string {
  return `lst_${createHash('sha256').update(`${tenant}\u0000${name}`).digest('hex').slice(0, 16)}`;
}

/** What a sync did, by stream id (a reload refreshes exactly these workers). */
export interface StreamSyncResult {
  created: string[];
  updated: string[];
  removed: string[];
}

/** JSON with sorted keys, so a stored sink and the same sink from the file compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export async function syncConfigStreams(store: Store, streams: readonly StreamConfig[], logger: Logger, now: number): Promise<StreamSyncResult> {
  const result: StreamSyncResult = { created: [], updated: [], removed: [] };
  const existing = new Map((await store.streams.list()).filter((s) => s.managedBy === 'config').map((s) => [s.id, s]));
  for (const s of streams) {
    const id = configStreamId(s.tenant, s.name);
    const current = existing.get(id);
    existing.delete(id);
    const fields = { name: s.name, sink: s.sink, filters: s.filters as StreamFilter[], pii_config: s.pii_config, isPriority: s.isPriority };
    if (current && current.type === s.type) {
      const before = {
        name: current.name,
        sink: current.sink,
        filters: current.filters,
        pii_config: current.pii_config ?? undefined,
        isPriority: current.isPriority,
      };
      if (canonical(before) === canonical({ ...fields, pii_config: fields.pii_config ?? undefined })) continue;
      await store.streams.update(id, fields, now);
      result.updated.push(id);
      logger.info({ stream: id, name: s.name, type: s.type }, 'Updated stream from the config file.');
      continue;
    }
    if (current) await store.streams.delete(id);
    const cursor = s.startFrom ? await store.events.seek(s.tenant, Date.parse(s.startFrom)) : (await store.events.bounds(s.tenant)).lastSeq;
    await store.streams.create({ id, tenant: s.tenant, type: s.type, status: s.status ?? 'active', managedBy: 'config', ...fields }, cursor, now);
    (current ? result.updated : result.created).push(id);
    logger.info({ stream: id, name: s.name, type: s.type, cursor }, 'Created stream from the config file.');
  }
  for (const stale of existing.values()) {
    await store.streams.delete(stale.id);
    result.removed.push(stale.id);
    logger.info({ stream: stale.id, name: stale.name }, 'Removed stream no longer in the config file.');
  }
  return result;
}
