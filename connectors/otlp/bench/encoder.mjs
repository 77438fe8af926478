// Rough encoder cost per event (run after `npm run build`): OTLP protobuf/JSON (records + OTel serializer) vs JSON.stringify.
import { gzipSync } from 'node:zlib';
import { sampleBatch } from '@outflow/connector-testkit';
import { serializeLogs, toLogRecords } from '../dist/index.js';

const batch = sampleBatch(1000);
const options = { body: 'kvlist', serviceName: 'auth0', resourceAttributes: {}, observedAt: Date.now() };
const per = (label, fn, rounds = 30) => {
  for (let i = 0; i < 5; i++) fn();
  const start = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < rounds; i++) bytes = fn().length;
  const us = Number(process.hrtime.bigint() - start) / 1000 / rounds / batch.length;
  console.log(`${label.padEnd(44)} ${us.toFixed(2).padStart(6)} µs/event  ${(bytes / batch.length).toFixed(0).padStart(5)} B/event`);
};
batch.envelopes(); // parsed once, as the connector's batch caches it
per('JSON.stringify(envelopes)', () => Buffer.from(JSON.stringify(batch.envelopes())));
per('records only (toLogRecords)', () => toLogRecords(batch, options, 'acme'));
per('OTLP protobuf, kvlist body', () => serializeLogs(toLogRecords(batch, options, 'acme'), 'protobuf'));
per('OTLP JSON, kvlist body', () => serializeLogs(toLogRecords(batch, options, 'acme'), 'json'));
per('OTLP protobuf, string body', () => serializeLogs(toLogRecords(batch, { ...options, body: 'string' }, 'acme'), 'protobuf'));
per('OTLP protobuf, kvlist body, gzip', () => gzipSync(serializeLogs(toLogRecords(batch, options, 'acme'), 'protobuf')), 10);
