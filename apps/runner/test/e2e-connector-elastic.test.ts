// End to end: 5,000 events reach a fake Elasticsearch as documents keyed by log_id, a mapping-poisoned one is dead-lettered, and a kill -9 leaves no duplicate.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ELASTIC_FAKE_API_KEY, startElasticFake, type ElasticFake } from '@outflow/connector-testkit/fakes/elastic';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, ingestMany, makeEvent } from './support/events.js';
import { eventually, readUntil } from './support/wait.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const stream = (url: string, namespace: string) =>
  `  - { name: elastic, type: elastic, tenant: acme, sink: { elasticNode: "${url}", elasticApiKey: "${ELASTIC_FAKE_API_KEY}", elasticNamespace: ${namespace} } }\n`;

let app: TestApp | undefined;
let fake: ElasticFake | undefined;
let child: ChildProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  child?.kill('SIGKILL');
  await app?.stop();
  await fake?.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  app = undefined;
  fake = undefined;
  child = undefined;
});

/** Resolves with the exit code, also when the process already exited. */
function exited(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((r) => proc.once('exit', (code) => r(code)));
}

function startRunner(config: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [MAIN, 'start', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The runner did not start: ${out}`)), 20_000);
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Outflow is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] as string });
      }
    });
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => reject(new Error(`The runner exited with ${code}: ${out}`)));
  });
}

describe('elastic connector end to end', () => {
  it('indexes 5,000 events once each by log_id and dead-letters the one whose document the mapping refuses', async () => {
    fake = await startElasticFake();
    app = await startTestApp(baseConfig(stream(fake.url, 'e2e')));
    let n = 0;
    const poisonAt = 137;
    // `details` is an object in every other event: a string there is a mapping conflict (400 document_parsing_exception).
    const ids = await ingestMany(app.url, TOKEN, 5_000, 500, () => makeEvent(++n === poisonAt ? { details: 'not an object' } : {}));
    const poisoned = ids[poisonAt - 1] as string;
    await eventually(() => fake!.documentCount() >= 4_999, 90_000, 'The fake did not receive 4,999 documents.');

    const docs = fake.documents('logs-auth0-e2e');
    expect(new Set(docs.keys())).toEqual(new Set(ids.filter((id) => id !== poisoned)));
    expect(fake.documentCount()).toBe(4_999);
    const sample = docs.get(ids[0] as string)?.source as { event: { id: string }; auth0: { logs: { log_id: string } }; '@timestamp': string };
    expect(sample.event.id).toBe(ids[0]);
    expect(sample.auth0.logs.log_id).toBe(ids[0]);
    expect(typeof sample['@timestamp']).toBe('string');

    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const id = list.find((s) => s.name === 'elastic')?.id as string;
    type Letter = { log_id: string; status: number; errorKind: string };
    const letters = await readUntil(
      async () => (await (await app!.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400 });
    for (const req of fake.bulkRequests()) expect(req.headers.authorization).toBe(`ApiKey ${ELASTIC_FAKE_API_KEY}`);
  }, 120_000);

  it('leaves 0 duplicate documents after a kill -9 of the runner mid-delivery and a restart (create answers 409 for what was indexed)', async () => {
    fake = await startElasticFake();
    const dir = mkdtempSync(join(tmpdir(), 'outflow-elastic-kill9-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'outflow.yaml'), baseConfig(stream(fake.url, 'kill9')));
    // Once 3,000 documents are in, each _bulk answer comes 3 s after its documents were stored: the runner dies before reading it.
    let inFlight = 0;
    fake.setAnswerDelay(() => {
      if (fake!.documentCount() < 3_000) return undefined;
      inFlight++;
      setTimeout(() => inFlight--, 3_000);
      return 3_000;
    });
    const first = await startRunner(join(dir, 'outflow.yaml'));
    child = first.proc;
    const acked: string[] = [];
    let stop = false;
    const loader = (async () => {
      while (!stop) {
        const events = Array.from({ length: 200 }, () => makeEvent());
        try {
          const res = await ingest(first.url, TOKEN, events);
          if (res.status === 202) acked.push(...events.map((e) => e.log_id as string));
        } catch {
          return; // the runner died mid-request: that batch was never acknowledged
        }
      }
    })();
    await eventually(() => inFlight > 0 && acked.length >= fake!.documentCount() + 2_000, 60_000, 'No _bulk request was in flight with a backlog.');
    first.proc.kill('SIGKILL');
    stop = true;
    await loader;
    await exited(first.proc);
    const storedBefore = fake.documentCount();
    expect(storedBefore).toBeGreaterThanOrEqual(3_000);
    expect(storedBefore).toBeLessThan(acked.length);

    fake.setAnswerDelay(undefined);
    const second = await startRunner(join(dir, 'outflow.yaml'));
    child = second.proc;
    // One copy of the index per check: the fake runs in this process, so the check must not starve it.
    await eventually(
      () => {
        if (fake!.documentCount() < acked.length) return false;
        const docs = fake!.documents('logs-auth0-kill9');
        return acked.every((id) => docs.has(id));
      },
      60_000,
      'Not every acknowledged event was indexed.',
    );

    const results = fake.itemResults();
    const created = results.filter((r) => r.status === 201).length;
    // Every document was created once: redelivered events were refused with 409 (counted as delivered), not written twice.
    expect(created).toBe(fake.documentCount());
    expect(fake.documentCount()).toBe(fake.documents('logs-auth0-kill9').size);
    expect([...fake.documents('logs-auth0-kill9').values()].every((d) => d.version === 1)).toBe(true);
    expect(results.filter((r) => r.status === 409).length).toBeGreaterThan(0);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    second.proc.kill('SIGTERM');
    expect(await exited(second.proc)).toBe(0);
  }, 150_000);
});
