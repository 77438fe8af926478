// The eventbridge connector definition: schema, limits and factory.
import { defineConnector } from '@outflow/core';
import { eventbridgeConfigSchema } from './config.js';
import { MAX_ENTRIES_PER_CALL } from './entries.js';
import { createEventbridge } from './eventbridge.js';

const MiB = 1024 * 1024;

export const eventbridgeConnector = defineConnector({
  type: 'eventbridge',
  displayName: 'Amazon EventBridge',
  description: 'Puts each event on an EventBridge bus with PutEvents: detail-type `Auth0 log`, detail = the `{log_id, data}` envelope; per-entry failures are reported by index.',
  configSchema: eventbridgeConfigSchema,
  // maxEntryBytes (256 KiB by default, up to 1 MiB) is enforced per call by the connector, which
  // splits a batch into several PutEvents calls when the entries do not fit in one.
  limits: { maxEvents: MAX_ENTRIES_PER_CALL, maxBytes: 1 * MiB, maxEventBytes: 1 * MiB },
  create: createEventbridge,
});
