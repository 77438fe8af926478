// Config parsing: targets (Cloud ID or node), auth methods, names of data streams and indices, secrets and destination marks.
import { destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { cloudNodeUrl, elasticConfigSchema, nodeUrlOf, targetOf } from '../src/index.js';

const NODE = 'https://es.example.com:9200';
const CLOUD_ID = `my-deployment:${Buffer.from('us-east-1.aws.found.io$abc123$kib456').toString('base64')}`;
const parse = (config: Record<string, unknown>) => elasticConfigSchema.safeParse(config);
const paths = (config: Record<string, unknown>) => parse(config).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('elastic config', () => {
  it('defaults to the elasticsearch flavour, ECS documents and the data stream logs-auth0-default', () => {
    const config = elasticConfigSchema.parse({ elasticNode: NODE });
    expect(config).toMatchObject({ elasticFlavor: 'elasticsearch', elasticEcs: true, elasticNamespace: 'default' });
    expect(targetOf(config)).toBe('logs-auth0-default');
    expect(targetOf(elasticConfigSchema.parse({ elasticNode: NODE, elasticNamespace: 'prod' }))).toBe('logs-auth0-prod');
    expect(targetOf(elasticConfigSchema.parse({ elasticNode: NODE, elasticIndex: 'auth0' }))).toBe('auth0');
  });

  it('derives the node URL of a Cloud ID as the client does', () => {
    expect(cloudNodeUrl(CLOUD_ID)).toBe('https://abc123.us-east-1.aws.found.io');
    expect(nodeUrlOf(elasticConfigSchema.parse({ elasticCloudId: CLOUD_ID }))).toBe('https://abc123.us-east-1.aws.found.io');
    expect(paths({ elasticCloudId: `x:${Buffer.from('only-host').toString('base64')}` })).toEqual(['elasticCloudId']);
  });

  it('needs exactly one of Cloud ID and node, and no Cloud ID for OpenSearch', () => {
    expect(paths({})).toEqual(['elasticNode']);
    expect(paths({ elasticNode: NODE, elasticCloudId: CLOUD_ID })).toEqual(['elasticCloudId']);
    expect(paths({ elasticFlavor: 'opensearch', elasticCloudId: CLOUD_ID })).toEqual(['elasticCloudId']);
    expect(paths({ elasticNode: 'ftp://es.example.com' })).toEqual(['elasticNode']);
    expect(paths({ elasticNode: `${NODE}/?x=1` })).toEqual(['elasticNode']);
  });

  it('takes one auth method: API key, user and password, or bearer token', () => {
    expect(parse({ elasticNode: NODE, elasticApiKey: 'a2V5' }).success).toBe(true);
    expect(parse({ elasticNode: NODE, elasticUsername: 'elastic', elasticPassword: 'pw' }).success).toBe(true);
    expect(parse({ elasticNode: NODE, elasticBearerToken: 'tok' }).success).toBe(true);
    expect(paths({ elasticNode: NODE, elasticPassword: 'pw' })).toEqual(['elasticUsername']);
    expect(paths({ elasticNode: NODE, elasticApiKey: 'a2V5', elasticUsername: 'u', elasticPassword: 'p' })).toEqual(['elasticApiKey']);
    expect(paths({ elasticNode: NODE, elasticApiKey: 'bad\nkey' })).toEqual(['elasticApiKey']);
  });

  it('refuses names Elastic refuses: uppercase, forbidden characters, a dash in the namespace', () => {
    for (const elasticIndex of ['Auth0', 'a b', 'a*', '_hidden', 'a,b']) expect(paths({ elasticNode: NODE, elasticIndex })).toEqual(['elasticIndex']);
    for (const elasticNamespace of ['a-b', 'Prod', '', 'x'.repeat(101)]) expect(paths({ elasticNode: NODE, elasticNamespace })).toEqual(['elasticNamespace']);
  });

  it('takes a PEM CA certificate and refuses anything else', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(parse({ elasticNode: NODE, elasticCaCert: pem }).success).toBe(true);
    expect(paths({ elasticNode: NODE, elasticCaCert: '/etc/ssl/ca.pem' })).toEqual(['elasticCaCert']);
  });

  it('marks the credentials secret and the fields that decide where data goes as destinations', () => {
    expect(secretPaths(elasticConfigSchema).sort()).toEqual(['elasticApiKey', 'elasticBearerToken', 'elasticPassword']);
    expect(destinationPaths(elasticConfigSchema).sort()).toEqual(['elasticCloudId', 'elasticFlavor', 'elasticIndex', 'elasticNamespace', 'elasticNode']);
    const config = elasticConfigSchema.parse({ elasticNode: NODE, elasticApiKey: 'c2VjcmV0LWtleQ==' });
    expect(JSON.stringify(config)).not.toContain('c2VjcmV0LWtleQ==');
  });

  it('refuses unknown fields', () => {
    expect(paths({ elasticNode: NODE, elasticHost: 'x' })).toEqual(['']);
  });
});
