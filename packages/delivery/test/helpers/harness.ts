// Test harness: manual clock, in-memory store, recording logger, fake connector and a supervisor.
import { createEgressGuard, type LogEvent, type Logger, type NewStream, type StoredStream, type Store, type BatchLimits } from '@outflow/core';
import { createManualClock, createMemoryStore, prepareBatch, type ManualClock } from '@outflow/core/testing';
import { createSupervisor, type DeliveryObserver, type DeliveryOptionsInput, type DeliveryTap, type Supervisor } from '../../src/index.js';
import { createFakeDestination, fakeDefinition, type FakeConfig, type FakeDestination, type Script } from './fake-connector.js';

export interface LogLine {
  level: string;
  bindings: Record<string, unknown>;
  obj: object;
  msg?: string | undefined;
}

export function createRecordingLogger(lines: LogLine[] = [], bindings: Record<string, unknown> = {}): Logger & { lines: LogLine[] } {
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, bindings, obj, msg });
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => createRecordingLogger(lines, { ...bindings, ...more }),
  };
}

export interface HarnessOptions {
  options?: DeliveryOptionsInput;
  script?: Script;
  limits?: Partial<BatchLimits>;
  store?: Store;
  clock?: ManualClock;
  random?: () => number;
  onCreate?: (config: FakeConfig, egressCheck: (url: string) => void) => void;
  observer?: DeliveryObserver;
  tap?: DeliveryTap;
}

export interface Harness {
  clock: ManualClock;
  store: Store;
  dest: FakeDestination;
  logger: ReturnType<typeof createRecordingLogger>;
  supervisor: Supervisor;
  /** Appends events for a tenant (as ingest would) and returns their seqs. */
  ingest(tenant: string, events: LogEvent[] | number): Promise<number[]>;
  createStream(patch?: Partial<NewStream>, cursor?: number): Promise<StoredStream>;
  stream(id: string): Promise<StoredStream>;
  /** Lets pending promises settle without moving time. */
  flush(): Promise<void>;
  newSupervisor(): Supervisor;
}

let streamNo = 0;

export function makeEvents(n: number, extra: (i: number) => Partial<LogEvent> = () => ({})): LogEvent[] {
  return Array.from({ length: n }, (_, i) => ({ type: 's', description: `event ${i}`, user_name: `user${i}@example.com`, ...extra(i) }));
}

export async function createHarness(h: HarnessOptions = {}): Promise<Harness> {
  const clock = h.clock ?? createManualClock();
  const store = h.store ?? createMemoryStore(() => clock.now());
  const dest = createFakeDestination(h.script);
  const logger = createRecordingLogger();
  const definition = fakeDefinition(dest, h.limits, () => clock.now(), h.onCreate);
  const egress = createEgressGuard({ allowHttp: false, allowPrivateNetworks: false });
  const newSupervisor = () =>
    createSupervisor({
      store,
      connectors: { get: (type) => (type === 'fake' ? definition : undefined) },
      clock,
      logger,
      egress,
      // One request in flight unless a test says otherwise (most tests follow one batch at a time); `concurrency: undefined` takes the default.
      options: { concurrency: 1, ...h.options, attemptBackoff: { jitter: 'none', ...h.options?.attemptBackoff } },
      random: h.random,
      observer: h.observer,
      tap: h.tap,
    });
  const harness: Harness = {
    clock,
    store,
    dest,
    logger,
    supervisor: newSupervisor(),
    newSupervisor,
    async ingest(tenant, events) {
      const list = typeof events === 'number' ? makeEvents(events) : events;
      const r = await store.events.append(prepareBatch(tenant, list, clock.now()), clock.now());
      return Array.from({ length: r.lastSeq - r.firstSeq + 1 }, (_, i) => r.firstSeq + i);
    },
    async createStream(patch = {}, cursor = 0) {
      const id = patch.id ?? `stream-${++streamNo}`;
      return store.streams.create(
        {
          id,
          tenant: 't1',
          name: id,
          type: 'fake',
          status: 'active',
          sink: { url: 'https://example.com/in' },
          filters: [],
          isPriority: false,
          managedBy: 'api',
          ...patch,
        },
        cursor,
        clock.now(),
      );
    },
    async stream(id) {
      const s = await store.streams.get(id);
      if (!s) throw new Error(`no stream ${id}`);
      return s;
    },
    flush: () => clock.advance(0),
  };
  return harness;
}
