// The EventBridge client: one attempt per call, keep-alive agents behind the egress guard, static or default credentials.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createEgressHttpAgent, createEgressHttpsAgent, type EgressGuard } from '@outflow/core';
import type { EventbridgeConfig } from './types.js';

export interface ClientHandle {
  client: EventBridgeClient;
  /** Destroys the client and the agents' sockets. */
  close(): void;
}

export interface ClientSettings {
  region: string;
  endpoint: string;
  egress: EgressGuard;
}

/**
 * AWS SDK releases after early 2027 drop Node 20 and warn about it on every process start.
 * Outflow pins the SDK with its lockfile, so the warning is noise: it is turned off unless the
 * operator set the variable themselves (destinations.md §0).
 */
function silenceNodeVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

function credentialsOf(config: EventbridgeConfig) {
  if (!config.awsAccessKeyId || !config.awsSecretAccessKey) return undefined;
  return {
    accessKeyId: config.awsAccessKeyId,
    secretAccessKey: config.awsSecretAccessKey.reveal(),
    ...(config.awsSessionToken ? { sessionToken: config.awsSessionToken.reveal() } : {}),
  };
}

export function createClient(config: EventbridgeConfig, settings: ClientSettings): ClientHandle {
  silenceNodeVersionWarning();
  const agentOptions = { keepAlive: true, maxSockets: 16 };
  const httpAgent = createEgressHttpAgent(settings.egress, agentOptions);
  const httpsAgent = createEgressHttpsAgent(settings.egress, agentOptions);
  const credentials = credentialsOf(config);
  const client = new EventBridgeClient({
    region: settings.region,
    endpoint: settings.endpoint,
    ...(credentials ? { credentials } : {}),
    // Connectors classify, the platform retries: no SDK retries.
    maxAttempts: 1,
    requestHandler: {
      httpAgent,
      httpsAgent,
      requestTimeout: config.awsTimeoutMs,
      connectionTimeout: Math.min(config.awsTimeoutMs, 10_000),
    },
  });
  return {
    client,
    close() {
      client.destroy();
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
