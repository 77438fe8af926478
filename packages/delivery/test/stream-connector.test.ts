// The one stream-to-connector path: refusals named, batches as the worker forms them, probes under a deadline.
import {
  createEgressGuard,
  createLogBatch,
  defineConnector,
  DeliveryError,
  secret,
  type Connector,
  type ConnectorContext,
  type HealthResult,
  type HttpTransport,
  type LogBatch,
} from '@outflow/core';
import { createManualClock, createMemoryStore } from '@outflow/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSupervisor, openStreamConnector, type StreamSpec } from '../src/index.js';
import { createFakeDestination, fakeDefinition } from './helpers/fake-connector.js';
import { createRecordingLogger } from './helpers/harness.js';

const SECRET = 'tok-path-secret-91f3';

function batchOf(events: Array<Record<string, unknown>>): LogBatch {
  const envelopes = events.map((data, i) => ({ log_id: `id${i}`, data }));
  return createLogBatch({
    seqs: envelopes.map((_, i) => i + 1),
    logIds: envelopes.map((e) => e.log_id),
    types: events.map((e) => String(e.type)),
    raws: envelopes.map((e) => Buffer.from(JSON.stringify(e))),
  });
}

function depsWith(definition: ReturnType<typeof fakeDefinition> | ReturnType<typeof probeDefinition>) {
  const clock = createManualClock();
  return {
    clock,
    deps: {
      connectors: { get: (t: string) => (t === definition.type ? (definition as never) : undefined) },
      egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }),
      logger: createRecordingLogger(),
      clock,
    },
  };
}

/** A connector whose healthcheck does what the test says. */
function probeDefinition(healthcheck: (signal: AbortSignal) => Promise<HealthResult>) {
  return defineConnector({
    type: 'probe',
    displayName: 'Probe',
    configSchema: z.object({ token: secret('API token') }),
    limits: { maxEvents: 100, maxBytes: 1 << 20, maxEventBytes: 1 << 16 },
    create: (): Connector => ({ healthcheck, send: async () => ({ status: 'success' }), close: async () => undefined }),
  });
}

const stream = (over: Partial<StreamSpec> = {}): StreamSpec => ({
  id: 's1',
  tenant: 't',
  type: 'fake',
  sink: { url: 'https://example.com/x', token: SECRET },
  managedBy: 'api',
  ...over,
});

describe('openStreamConnector', () => {
  it('names why a stream has no connector: unknown type, invalid sink, operator-only field; secrets redacted', async () => {
    const { deps } = depsWith(fakeDefinition(createFakeDestination()));
    const unknown = await openStreamConnector(deps, stream({ type: 'nope' }));
    expect(unknown).toMatchObject({ ok: false, failure: { reason: 'unknown_type', message: expect.stringContaining('"nope"') } });
    const invalid = await openStreamConnector(deps, stream({ sink: { url: 'not a url' } }));
    expect(invalid).toMatchObject({ ok: false, failure: { reason: 'invalid_config', message: expect.stringContaining('url') } });
    const refused = await openStreamConnector(deps, stream({ sink: { url: 'https://example.com/x', token: SECRET, localPath: `/tmp/${SECRET}` } }));
    expect(refused).toMatchObject({ ok: false, failure: { reason: 'operator_only', paths: ['localPath'] } });
    expect(JSON.stringify(refused)).not.toContain(`/tmp/${SECRET}`);
    // The operator's config file may set it.
    const fromConfig = await openStreamConnector(deps, stream({ sink: { url: 'https://example.com/x', localPath: '/tmp/x' }, managedBy: 'config' }));
    expect(fromConfig.ok).toBe(true);
    if (fromConfig.ok) await fromConfig.stream.close();
  });

  it('prepares batches as the worker forms them: filter, chunks within the connector limits, PII per chunk', async () => {
    const { deps } = depsWith(fakeDefinition(createFakeDestination(), { maxEvents: 2 }));
    const opened = await openStreamConnector(
      deps,
      stream({ filters: [{ type: 'category', name: 'auth.login.success' }], pii_config: { log_fields: ['email'], method: 'mask', algorithm: 'xxhash' } }),
    );
    if (!opened.ok) throw new Error(opened.failure.message);
    expect(opened.stream.secrets).toEqual([SECRET]);
    const events = [
      { type: 's', email: 'a@x.io' },
      { type: 'f', email: 'b@x.io' },
      { type: 's', email: 'c@x.io' },
      { type: 's', email: 'd@x.io' },
    ];
    const batches = opened.stream.prepare(batchOf(events));
    expect(batches.map((b) => b.logIds)).toEqual([['id0', 'id2'], ['id3']]);
    expect(batches.flatMap((b) => b.envelopes().map((e) => e.data.email))).toEqual(['******', '******', '******']);
    // A test send ignores the filters; the runner's delivery.batch limits apply within the connector's.
    expect(opened.stream.prepare(batchOf(events), { filters: false, batch: { maxEvents: 1, maxBytes: 1 << 20 } }).map((b) => b.length)).toEqual([1, 1, 1, 1]);
    await opened.stream.close();
  });
});

describe('probe', () => {
  it('answers ok, or the error kind and status with secrets redacted', async () => {
    const ok = depsWith(probeDefinition(async () => ({ ok: true, message: 'fine' })));
    const opened = await openStreamConnector(ok.deps, { id: 's', tenant: 't', type: 'probe', sink: { token: SECRET } });
    if (!opened.ok) throw new Error(opened.failure.message);
    expect(await opened.stream.probe(1000)).toMatchObject({ ok: true, message: 'fine', durationMs: expect.any(Number) });

    const refused = depsWith(probeDefinition(async () => ({ ok: false, error: new DeliveryError('auth', `Token ${SECRET} was refused.`, { status: 401 }) })));
    const o2 = await openStreamConnector(refused.deps, { id: 's', tenant: 't', type: 'probe', sink: { token: SECRET } });
    if (!o2.ok) throw new Error(o2.failure.message);
    const outcome = await o2.stream.probe(1000);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(JSON.stringify(outcome)).not.toContain(SECRET);

    const thrown = depsWith(probeDefinition(async () => Promise.reject(new Error(`socket closed for ${SECRET}`))));
    const o3 = await openStreamConnector(thrown.deps, { id: 's', tenant: 't', type: 'probe', sink: { token: SECRET } });
    if (!o3.ok) throw new Error(o3.failure.message);
    const crashed = await o3.stream.probe(1000);
    expect(crashed).toMatchObject({ ok: false, error: { kind: 'transient' } });
    expect(JSON.stringify(crashed)).not.toContain(SECRET);
  });

  it('ends a hanging healthcheck at the deadline (manual clock) and aborts its signal', async () => {
    let seen: AbortSignal | undefined;
    const { deps, clock } = depsWith(
      probeDefinition((signal) => {
        seen = signal;
        return new Promise<HealthResult>(() => undefined);
      }),
    );
    const opened = await openStreamConnector(deps, { id: 's', tenant: 't', type: 'probe', sink: { token: SECRET } });
    if (!opened.ok) throw new Error(opened.failure.message);
    let settled: unknown;
    const pending = opened.stream.probe(5000).then((o) => (settled = o));
    await clock.advance(4999);
    expect(settled).toBeUndefined();
    await clock.advance(1);
    await pending;
    expect(settled).toMatchObject({ ok: false, error: { kind: 'transient', message: expect.stringContaining('5000 ms') } });
    expect(seen?.aborted).toBe(true);
  });
});

describe("the runner's HTTP transport", () => {
  it("reaches every stream's connector as ctx.http: two streams of a supervisor get the same one", async () => {
    const contexts: ConnectorContext[] = [];
    const definition = defineConnector({
      type: 'ctx',
      displayName: 'Context recorder',
      configSchema: z.object({}),
      limits: { maxEvents: 100, maxBytes: 1 << 20, maxEventBytes: 1 << 16 },
      create: (ctx): Connector => {
        contexts.push(ctx);
        return { healthcheck: async () => ({ ok: true }), send: async () => ({ status: 'success' }), close: async () => undefined };
      },
    });
    const http: HttpTransport = {
      request: () => Promise.reject(new Error('not used')),
      nodeAgents: () => {
        throw new Error('not used');
      },
      close: async () => undefined,
    };
    const clock = createManualClock();
    const store = createMemoryStore(() => clock.now());
    for (const id of ['a', 'b']) {
      await store.streams.create(
        { id, tenant: 't', name: id, type: 'ctx', status: 'active', sink: {}, filters: [], isPriority: false, managedBy: 'api' },
        0,
        clock.now(),
      );
    }
    const supervisor = createSupervisor({
      store,
      connectors: { get: (t) => (t === 'ctx' ? (definition as never) : undefined) },
      clock,
      logger: createRecordingLogger(),
      egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }),
      http,
    });
    await supervisor.start();
    await supervisor.stop(1000);
    expect(contexts.map((c) => c.streamId).sort()).toEqual(['a', 'b']);
    expect(contexts.every((c) => c.http === http)).toBe(true);
    // Without a runner transport a connector gets none and leases its own.
    const plain = await openStreamConnector(
      {
        connectors: { get: () => definition as never },
        egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }),
        logger: createRecordingLogger(),
        clock,
      },
      { id: 'c', tenant: 't', type: 'ctx', sink: {} },
    );
    expect(plain.ok && contexts.at(-1)?.http).toBeUndefined();
    if (plain.ok) await plain.stream.close();
  });
});
