// /api/v2/log-streams CRUD in Auth0's shape: list, create (200), get, patch, delete (204).
import { randomBytes } from 'node:crypto';
import { REDACTED, type StoredStream, type StreamFilter, type StreamPatch } from '@outflow/core';
import { z } from 'zod';
import { filterSchema, piiConfigSchema } from '../config/schema.js';
import type { ApiDeps } from './api-deps.js';
import { readJson } from './json-body.js';
import { HttpError, sendJson } from './respond.js';
import type { Router } from './router.js';
import { checkSink } from './sink-check.js';
import { readStreamBody } from './stream-body.js';
import { requireSecretsForNewDestination } from './sink-origin.js';
import { streamDelivery } from './stream-delivery.js';
import { knownSinkFields, sinkSecretPaths, streamView } from './stream-view.js';

const createSchema = z
  .object({
    name: z.string().min(1).max(128).optional(),
    type: z.string().min(1),
    sink: z.record(z.string(), z.unknown()),
    filters: z.array(filterSchema).optional(),
    pii_config: piiConfigSchema.optional(),
    isPriority: z.boolean().optional(),
    startFrom: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const patchSchema = z
  .object({
    name: z.string().min(1).max(128).optional(),
    status: z.enum(['active', 'paused', 'suspended']).optional(),
    sink: z.record(z.string(), z.unknown()).optional(),
    filters: z.array(filterSchema).optional(),
    pii_config: piiConfigSchema.nullable().optional(),
    isPriority: z.boolean().optional(),
    type: z.string().optional(),
  })
  .strict();

export async function loadOwnStream(deps: ApiDeps, tenant: string, id: string): Promise<StoredStream> {
  const s = await deps.store.streams.get(id);
  if (!s || s.tenant !== tenant) throw new HttpError(404, 'The log stream does not exist.', 'inexistent_log_stream');
  return s;
}

async function assertUniqueName(deps: ApiDeps, tenant: string, name: string, exceptId?: string): Promise<void> {
  const clash = (await deps.store.streams.list(tenant)).find((s) => s.name === name && s.id !== exceptId);
  if (clash) throw new HttpError(409, `A log stream named "${name}" already exists.`, 'log_stream_conflict');
}

/** A patch's sink merged over the stored one; masked or omitted secrets keep their stored value. */
function mergeSink(deps: ApiDeps, current: StoredStream, patch: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current.sink };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else if (v !== REDACTED) next[k] = v;
  }
  for (const path of sinkSecretPaths(deps.registry, current.type)) {
    const top = path.split('.')[0] as string;
    if (patch[top] === REDACTED && current.sink[top] !== undefined) next[top] = current.sink[top];
  }
  return next;
}

export function addLogStreamRoutes(router: Router, deps: ApiDeps): void {
  const base = '/api/v2/log-streams';
  router.add('GET', base, async (req, res, _p, url) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    // `include=delivery` adds each stream's delivery state (failing since, last error), as the dashboard's list shows it.
    const delivery = url.searchParams.get('include') === 'delivery';
    sendJson(
      res,
      200,
      (await deps.store.streams.list(tenant)).map((s) => ({ ...streamView(s, deps.registry), ...(delivery ? { delivery: streamDelivery(s, deps) } : {}) })),
    );
  });

  router.add('POST', base, async (req, res) => {
    const { tenant } = deps.tokens.require(req, 'create:log_streams');
    const body = await readStreamBody(req, createSchema, deps, tenant);
    const name = body.name ?? `${body.type} stream ${randomBytes(3).toString('hex')}`;
    await checkSink(deps, { type: body.type, sink: body.sink, name, tenant });
    await assertUniqueName(deps, tenant, name);
    const now = deps.now();
    if (body.startFrom && Date.parse(body.startFrom) < now - deps.retention) {
      throw new HttpError(400, 'Payload validation error: startFrom: must be within the retention period.', 'invalid_body');
    }
    const cursor = body.startFrom ? await deps.store.events.seek(tenant, Date.parse(body.startFrom)) : (await deps.store.events.bounds(tenant)).lastSeq;
    const id = `lst_${randomBytes(8).toString('hex')}`;
    const created = await deps.store.streams.create(
      {
        id,
        tenant,
        name,
        type: body.type,
        status: 'active',
        sink: knownSinkFields(deps.registry, body.type, body.sink),
        filters: (body.filters ?? []) as StreamFilter[],
        pii_config: body.pii_config,
        isPriority: body.isPriority ?? false,
        managedBy: 'api',
      },
      cursor,
      now,
    );
    await deps.supervisor.refresh(id);
    sendJson(res, 200, streamView(created, deps.registry));
  });

  router.add('GET', `${base}/:id`, async (req, res, p) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    sendJson(res, 200, streamView(await loadOwnStream(deps, tenant, p.id as string), deps.registry));
  });

  router.add('PATCH', `${base}/:id`, async (req, res, p) => {
    const { tenant } = deps.tokens.require(req, 'update:log_streams');
    const current = await loadOwnStream(deps, tenant, p.id as string);
    const body = await readJson(req, patchSchema);
    if (body.type !== undefined && body.type !== current.type)
      throw new HttpError(400, 'Payload validation error: type: cannot be changed; delete the stream and create a new one.', 'invalid_body');
    if (body.status === 'suspended')
      throw new HttpError(400, 'Payload validation error: status: "suspended" is set only by Outflow; use "active" or "paused".', 'invalid_body');
    if (body.isPriority !== undefined && body.isPriority !== current.isPriority)
      throw new HttpError(400, 'Payload validation error: isPriority: cannot be updated once set.', 'invalid_body');
    const definitionChange = body.name !== undefined || body.sink !== undefined || body.filters !== undefined || body.pii_config !== undefined;
    if (current.managedBy === 'config' && definitionChange) {
      throw new HttpError(400, 'This log stream is managed by the config file; change it there. Only its status can be changed here.', 'managed_by_config');
    }
    const patch: StreamPatch = {};
    if (body.name !== undefined && body.name !== current.name) {
      await assertUniqueName(deps, tenant, body.name, current.id);
      patch.name = body.name;
    }
    if (body.sink !== undefined) {
      patch.sink = knownSinkFields(deps.registry, current.type, mergeSink(deps, current, body.sink));
      await checkSink(deps, { type: current.type, sink: patch.sink, name: current.name, tenant });
      requireSecretsForNewDestination(deps, current, body.sink, patch.sink);
    }
    if (body.filters !== undefined) patch.filters = body.filters as StreamFilter[];
    if (body.pii_config !== undefined) patch.pii_config = body.pii_config ?? undefined;
    const now = deps.now();
    let updated = Object.keys(patch).length ? await deps.store.streams.update(current.id, patch, now) : current;
    if (body.status !== undefined && body.status !== current.status) {
      updated = await deps.store.streams.setStatus(current.id, body.status, null, now);
    }
    await deps.supervisor.refresh(current.id);
    sendJson(res, 200, streamView(updated ?? current, deps.registry));
  });

  router.add('DELETE', `${base}/:id`, async (req, res, p) => {
    const { tenant } = deps.tokens.require(req, 'delete:log_streams');
    const current = await loadOwnStream(deps, tenant, p.id as string);
    if (current.managedBy === 'config') throw new HttpError(400, 'This log stream is managed by the config file; remove it there.', 'managed_by_config');
    await deps.store.streams.delete(current.id);
    await deps.supervisor.refresh(current.id);
    sendJson(res, 204, undefined);
  });
}
