// Credentials from the default chain (environment variables here, never IMDS) and the Node version warning switch.
import { startEventBridgeFake, type EventBridgeFake } from '@outflow/connector-testkit/fakes/eventbridge';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventbridgeConnector } from '../src/index.js';
import { ACCESS_KEY, makeBatch, makeContext, never, parseConfig, SECRET_KEY } from './fixtures.js';

let fake: EventBridgeFake;
beforeEach(async () => {
  fake = await startEventBridgeFake({ accessKeyId: ACCESS_KEY });
  // The environment provider answers first; the rest of the chain (files, IMDS) is switched off.
  vi.stubEnv('AWS_ACCESS_KEY_ID', ACCESS_KEY);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET_KEY);
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/credentials');
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/config');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

describe('credentials', () => {
  it('signs with the default credential chain when no keys are configured', async () => {
    const conn = eventbridgeConnector.create(makeContext(), parseConfig({ awsRegion: 'eu-central-1', awsEndpoint: fake.url, awsDefaultCredentials: true }));
    try {
      expect(await conn.send(makeBatch(2), never())).toEqual({ status: 'success' });
      expect(fake.requests[0]?.headers.authorization).toContain(`Credential=${ACCESS_KEY}/`);
      expect(fake.requests[0]?.headers.authorization).toContain('/eu-central-1/events/aws4_request');
    } finally {
      await conn.close();
    }
  });

  it('turns the SDK Node version warning off unless the operator set the variable', async () => {
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', undefined);
    await eventbridgeConnector.create(makeContext(), parseConfig({ awsRegion: 'us-east-1', awsEndpoint: fake.url, awsDefaultCredentials: true })).close();
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'false');
    await eventbridgeConnector.create(makeContext(), parseConfig({ awsRegion: 'us-east-1', awsEndpoint: fake.url, awsDefaultCredentials: true })).close();
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
  });

  it('refuses a plain-http endpoint when the egress policy wants https, naming awsEndpoint', () => {
    expect(() =>
      eventbridgeConnector.create(
        makeContext({ allowHttp: false, allowPrivateNetworks: true }),
        parseConfig({ awsRegion: 'us-east-1', awsEndpoint: fake.url, awsDefaultCredentials: true }),
      ),
    ).toThrow(expect.objectContaining({ name: 'ConfigError', issues: [expect.objectContaining({ path: 'awsEndpoint' })] }));
  });
});
