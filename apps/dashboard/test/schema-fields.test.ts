// The generated form's fields from a real connector schema, and form values back to a sink.
import { httpConfigSchema } from '@outflow/connector-http';
import { configJsonSchema } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../src/api/types';
import { fieldsOf, initialValues, issuesByField, labelOf, sinkFromValues, valuesFromSink } from '../src/lib/schema-fields';

const fields = fieldsOf(configJsonSchema(httpConfigSchema) as JsonSchema);
const field = (key: string) => fields.find((f) => f.key === key);

describe('schema fields', () => {
  it('reads labels, kinds, defaults, help and secrets from the webhook schema', () => {
    expect(fields.map((f) => f.key)).toEqual([
      'httpEndpoint',
      'httpContentType',
      'httpContentFormat',
      'httpEnvelope',
      'httpAuthorization',
      'httpCustomHeaders',
      'httpCompression',
      'httpSigningSecret',
    ]);
    expect(field('httpEndpoint')).toMatchObject({ label: 'HTTP Endpoint', required: true });
    expect(field('httpEndpoint')?.help).toContain('Payload URL');
    expect(field('httpContentFormat')).toMatchObject({
      kind: 'select',
      defaultValue: 'JSONLINES',
      required: false,
      options: ['JSONARRAY', 'JSONLINES', 'JSONOBJECT'],
    });
    expect(field('httpAuthorization')).toMatchObject({ kind: 'password', required: false });
    expect(field('httpSigningSecret')?.kind).toBe('password');
    expect(field('httpCustomHeaders')?.kind).toBe('rows');
    expect(field('httpCustomHeaders')?.rowFields?.map((f) => f.key)).toEqual(['header', 'value']);
    expect(field('httpTimeoutMs')).toBeUndefined();
    expect(labelOf('apiKey')).toBe('API Key');
    expect(labelOf('flushAfterMs')).toBe('Flush After (ms)');
  });

  it('reads number fields with their default and bounds', () => {
    const [flush] = fieldsOf({ type: 'object', properties: { flushAfterMs: { type: 'integer', default: 15000, minimum: 100, maximum: 300000 } } });
    expect(flush).toMatchObject({ kind: 'number', label: 'Flush After (ms)', defaultValue: 15000, min: 100, max: 300000 });
  });

  it('leaves out operator-only fields and union branches (a file target, ambient credentials)', () => {
    // The shape of the console connector's target and eventbridge's awsDefaultCredentials.
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        target: {
          default: 'stdout',
          anyOf: [
            { type: 'string', enum: ['stdout', 'stderr'] },
            { type: 'object', properties: { file: { type: 'string', operatorOnly: true } } },
          ],
        },
        ambient: { type: 'boolean', operatorOnly: true },
        region: { type: 'string' },
      },
    };
    const got = fieldsOf(schema);
    expect(got.map((f) => f.key)).toEqual(['target', 'region']);
    expect(got[0]).toMatchObject({ kind: 'select', options: ['stdout', 'stderr'], defaultValue: 'stdout' });
  });

  it('turns form values into a sink the connector accepts, leaving out empty optional fields', () => {
    const values = {
      ...initialValues(fields),
      httpEndpoint: ' https://logs.example.com/hook ',
      httpCustomHeaders: [
        { header: 'X-Source', value: 'outflow' },
        { header: '', value: '' },
      ],
    };
    const { sink, errors } = sinkFromValues(fields, values);
    expect(errors).toEqual({});
    expect(sink).toEqual({
      httpEndpoint: 'https://logs.example.com/hook',
      httpContentFormat: 'JSONLINES',
      httpCustomHeaders: [{ header: 'X-Source', value: 'outflow' }],
      httpCompression: 'none',
      httpEnvelope: 'auth0',
    });
    expect(httpConfigSchema.safeParse(sink).success).toBe(true);
  });

  it('names the missing or malformed fields', () => {
    expect(sinkFromValues(fields, initialValues(fields)).errors).toEqual({ httpEndpoint: 'Required.' });
    const numbers = fieldsOf({ type: 'object', properties: { flushAfterMs: { type: 'integer' } } });
    expect(sinkFromValues(numbers, { flushAfterMs: 'soon' }).errors).toEqual({ flushAfterMs: 'Must be a number.' });
    expect(issuesByField([{ path: 'sink.httpCustomHeaders.0.header', message: 'Host cannot be set' }])).toEqual({ httpCustomHeaders: 'Host cannot be set' });
  });

  it('shows a stored sink with its secrets still masked', () => {
    const values = valuesFromSink(fields, { httpEndpoint: 'https://a.example/x', httpAuthorization: '[REDACTED]', httpContentFormat: 'JSONARRAY' });
    expect(values).toMatchObject({
      httpEndpoint: 'https://a.example/x',
      httpAuthorization: '[REDACTED]',
      httpContentFormat: 'JSONARRAY',
      httpSigningSecret: '',
    });
  });
});
