// Vendor presets of the Custom Webhook: a connector type of its own whose few fields stand for a webhook config.
import { DeliveryError, type ConnectorDefinition, type DeliveryResult, type HttpResponse, type NeedsUnmasked } from '@outflow/core';
import { defineHttpConnector } from '@outflow/http';
import type { z } from 'zod';
import { httpConfigSchema } from './config.js';
import { extraSecrets, WEBHOOK_LIMITS } from './connector.js';
import { encodeHttp, probeHttp } from './encoder.js';
import type { HttpConfig, HttpConfigInput } from './types.js';

export interface WebhookPresetSpec<S extends z.ZodType> {
  type: string;
  displayName: string;
  description: string;
  /** The preset's own fields (secrets marked, the URL a `destination()`). */
  configSchema: S;
  /** The webhook config a preset config stands for, with secrets revealed: it is parsed by the webhook's schema once per config. */
  toWebhook(config: z.output<S>): HttpConfigInput;
  /** The preset field that holds the URL, named in egress errors. */
  endpointField: string;
  needsUnmasked?: NeedsUnmasked | undefined;
}

/** A vendor-issued URL that answers 404 or 405 is a wrong URL, not a bad event: the round fails and nothing is dead-lettered. */
function classifyPreset(response: HttpResponse): DeliveryResult | undefined {
  if (response.status !== 404 && response.status !== 405) return undefined;
  const message = `The intake answered HTTP ${response.status}: nothing receives events at this URL; check the endpoint the vendor issued.`;
  return { status: 'permanent', error: new DeliveryError('config', message, { status: response.status }) };
}

/** A connector that sends exactly as the webhook does with the vendor's endpoint, credentials and format. */
export function defineWebhookPreset<S extends z.ZodType>(spec: WebhookPresetSpec<S>): ConnectorDefinition<z.output<S>> {
  const webhooks = new WeakMap<object, HttpConfig>();
  const webhook = (config: z.output<S>): HttpConfig => {
    let out = webhooks.get(config as object);
    if (!out) webhooks.set(config as object, (out = httpConfigSchema.parse(spec.toWebhook(config))));
    return out;
  };
  return defineHttpConnector({
    type: spec.type,
    displayName: spec.displayName,
    description: spec.description,
    configSchema: spec.configSchema,
    needsUnmasked: spec.needsUnmasked,
    limits: { ...WEBHOOK_LIMITS },
    endpoints: (config) => ({ [spec.endpointField]: webhook(config).httpEndpoint }),
    encode: (batch, config, ctx) => encodeHttp(batch, webhook(config), ctx),
    classify: classifyPreset,
    probe: (config) => probeHttp(webhook(config)),
    maskedHeaders: ['webhook-signature'],
    secrets: (config) => extraSecrets(webhook(config)),
    concurrency: 8,
  });
}
