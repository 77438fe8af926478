// The mixpanel connector: /import requests over @outflow/http, strict 400s read as partial, the empty-batch probe.
import { DeliveryError } from '@outflow/core';
import { defineHttpConnector } from '@outflow/http';
import { importUrl, mixpanelConfigSchema } from './config.js';
import { basicOf, encodeImport, probeImport } from './import-request.js';
import { classifyImport } from './outcome.js';

const MB = 1_000_000;

export const mixpanelConnector = defineHttpConnector({
  type: 'mixpanel',
  displayName: 'Mixpanel',
  description:
    'Sends each event to the Mixpanel Import API (/import, strict validation, gzip) with $insert_id derived from log_id, a readable event name and the event flattened into properties.',
  configSchema: mixpanelConfigSchema,
  // Mixpanel takes 2,000 events and 10 MB (uncompressed) per request and under 1 MB per event. The
  // encoding cuts strings to 255 bytes, so it is rarely larger than the stored events; 5 MB of them
  // leaves room for the flattened names (a larger encoding is split into two requests).
  limits: { maxEvents: 2000, maxBytes: 5 * MB, maxEventBytes: 1 * MB },
  endpoints: (config) => ({ [config.mixpanelHost ? 'mixpanelHost' : 'mixpanelRegion']: importUrl(config) }),
  encode: encodeImport,
  classify: classifyImport,
  probe: probeImport,
  // 2xx: the service account and project were accepted. A 400 to the empty probe comes after the
  // credentials were checked, so it is healthy too. Anything else (404: a wrong mixpanelHost) is not.
  health: (answer, result) => {
    if (result.status === 'success') return { ok: true, message: `Mixpanel accepted the service account (HTTP ${answer.status}).` };
    if (answer.status === 400) return { ok: true, message: 'Mixpanel accepted the service account (HTTP 400 to the empty probe batch).' };
    if ('error' in result) return { ok: false, error: result.error };
    return { ok: false, error: new DeliveryError('invalid', `Mixpanel answered the probe with HTTP ${answer.status}.`, { status: answer.status }) };
  },
  secrets: (config) => [basicOf(config)],
});
