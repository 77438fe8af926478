// End to end: 5,000 events reach a fake Elasticsearch as documents keyed by log_id, a mapping-poisoned one is dead-lettered, and a kill -9 leaves no duplicate.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ELASTIC_FAKE_API_KEY, startElasticFake } from '@outflow/connector-testkit/fakes/elastic';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { exited, ingestUntilStopped, startRunner } from './support/runner-process.js';
import { useTestApp } from './support/use-test-app.js';
import { eventually } from './support/wait.js';

const stream = (url: string, namespace: string) =>
  `  - { name: elastic, type: elastic, tenant: acme, sink: { elasticNode: "${url}", elasticApiKey: "${ELASTIC_FAKE_API_KEY}", elasticNamespace: ${namespace} } }\n`;

const t = useTestApp();
let child: ChildProcess | undefined;
const dirs: string[] = [];
afterEach(() => {
  child?.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  child = undefined;
});

describe('elastic connector end to end', () => {
  it('indexes 5,000 events once each by log_id and dead-letters the one whose document the mapping refuses', async () => {
    const fake = t.closeAfter(await startElasticFake());
    const app = await t.start(baseConfig(stream(fake.url, 'e2e')));
    // `details` is an object in every other event: a string there is a mapping conflict (400 document_parsing_exception).
    const delivered = () => new Set(fake.documents('logs-auth0-e2e').keys());
    const run = await runWithOnePoisoned(app, { stream: 'elastic', delivered, poisonAt: 137, poison: { details: 'not an object' }, timeoutMs: 90_000 });
    const { ids, poisoned } = run;

    const docs = fake.documents('logs-auth0-e2e');
    expect(new Set(docs.keys())).toEqual(new Set(ids.filter((id) => id !== poisoned)));
    expect(fake.documentCount()).toBe(4_999);
    const sample = docs.get(ids[0] as string)?.source as { event: { id: string }; auth0: { logs: { log_id: string } }; '@timestamp': string };
    expect(sample.event.id).toBe(ids[0]);
    expect(sample.auth0.logs.log_id).toBe(ids[0]);
    expect(typeof sample['@timestamp']).toBe('string');

    expect(run.letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(run.letters[0]).toMatchObject({ status: 400 });
    for (const req of fake.bulkRequests()) expect(req.headers.authorization).toBe(`ApiKey ${ELASTIC_FAKE_API_KEY}`);
  }, 120_000);

  it('leaves 0 duplicate documents after a kill -9 of the runner mid-delivery and a restart (create answers 409 for what was indexed)', async () => {
    const fake = t.closeAfter(await startElasticFake());
    const dir = mkdtempSync(join(tmpdir(), 'outflow-elastic-kill9-'));
    dirs.push(dir);
    const config = join(dir, 'outflow.yaml');
    writeFileSync(config, baseConfig(stream(fake.url, 'kill9')));
    // Once 3,000 documents are in, each _bulk answer comes 3 s after its documents were stored: the runner dies before reading it.
    let inFlight = 0;
    fake.setAnswerDelay(() => {
      if (fake.documentCount() < 3_000) return undefined;
      inFlight++;
      setTimeout(() => inFlight--, 3_000);
      return 3_000;
    });
    const first = await startRunner(config);
    child = first.proc;
    const loader = ingestUntilStopped(first.url);
    const { acked } = loader;
    await eventually(() => inFlight > 0 && acked.length >= fake.documentCount() + 2_000, 60_000, 'No _bulk request was in flight with a backlog.');
    first.proc.kill('SIGKILL');
    await loader.stop();
    await exited(first.proc);
    const storedBefore = fake.documentCount();
    expect(storedBefore).toBeGreaterThanOrEqual(3_000);
    expect(storedBefore).toBeLessThan(acked.length);

    fake.setAnswerDelay(undefined);
    const second = await startRunner(config);
    child = second.proc;
    // One copy of the index per check: the fake runs in this process, so the check must not starve it.
    await eventually(
      () => {
        if (fake.documentCount() < acked.length) return false;
        const docs = fake.documents('logs-auth0-kill9');
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
