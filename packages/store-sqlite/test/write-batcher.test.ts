// Writes queued in one turn share a transaction; a failing write fails only its own caller.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { createWriteBatcher } from '../src/write-batcher.js';
import { removeTempDirs, tempDir } from './helpers.js';

let db: Database.Database | undefined;
afterEach(() => db?.close());

describe('write batcher', () => {
  it('commits the writes of one turn in one transaction, in order', async () => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = v * 10 + excluded.v');
    const writes = createWriteBatcher(db);
    const inTx: boolean[] = [];
    const results = await Promise.all(
      [1, 2, 3].map((v) =>
        writes.run(() => {
          inTx.push((db as Database.Database).inTransaction);
          return insert.run('a', v).changes;
        }),
      ),
    );
    expect(results).toEqual([1, 1, 1]);
    expect(inTx).toEqual([true, true, true]);
    expect(db.prepare('SELECT v FROM t WHERE k = ?').get('a')).toEqual({ v: 123 });
  });

  it('rejects only the write that throws; the others still commit', async () => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    const insert = db.prepare('INSERT INTO t (k) VALUES (?)');
    const writes = createWriteBatcher(db);
    const outcomes = await Promise.allSettled(['a', 'a', 'b'].map((k) => writes.run(() => insert.run(k).changes)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(db.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'a' }, { k: 'b' }]);
  });

  it('flush commits queued writes at once', () => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (k TEXT)');
    const writes = createWriteBatcher(db);
    void writes.run(() => (db as Database.Database).prepare('INSERT INTO t (k) VALUES (?)').run('x'));
    writes.flush();
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
  });
});

describe('stream writes through the batcher', () => {
  it('apply in call order: a failure recorded after a queued cursor commit is not cleared by it', async () => {
    const store = openSqliteStore({ path: `${tempDir()}/outflow.db` });
    try {
      await store.streams.create(
        {
          id: 's1',
          tenant: 'acme',
          name: 'Stream s1',
          type: 'http',
          status: 'active',
          sink: { httpEndpoint: 'http://127.0.0.1:9/hook' },
          filters: [],
          isPriority: false,
          managedBy: 'api',
        },
        0,
        1000,
      );
      const generation = (await store.streams.get('s1'))?.state.generation ?? 0;
      const committed = store.streams.commitDelivery('s1', { generation, cursor: 5, delivered: 5, at: 2000 });
      const failed = store.streams.recordFailure('s1', 3000);
      expect(await committed).toBe(true);
      expect((await failed)?.state).toMatchObject({ cursor: 5, failingSince: 3000 });
      const suspended = store.streams.setStatus('s1', 'suspended', 'Failing for too long.', 4000);
      await store.streams.commitDelivery('s1', { generation, cursor: 6, delivered: 1, at: 5000 });
      expect((await suspended)?.status).toBe('suspended');
    } finally {
      await store.close();
      removeTempDirs();
    }
  });
});
