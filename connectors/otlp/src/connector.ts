// The OTLP logs connector: the ExportLogsServiceRequest, OTLP's answer table and partial success; @outflow/http does the rest.
import { collectSecrets } from '@outflow/core';
import { defineHttpConnector } from '@outflow/http';
import { classifyOtlp } from './classify.js';
import { logsUrl, otlpConfigSchema } from './config.js';
import { CONTENT_TYPES, serializeLogs } from './encoder.js';
import { toLogRecords } from './log-records.js';
import { warnOnPartialSuccess } from './partial.js';
import type { OtlpConfig } from './types.js';
import { USER_AGENT } from './version.js';

/**
 * OTLP sets no size limit of its own; receivers do (the Collector's default request body limit is
 * 20 MiB, New Relic takes 1 MB compressed). 1000 records and 3 MB of envelopes stay under them.
 */
export const OTLP_LIMITS = { maxEvents: 1000, maxBytes: 3_000_000, maxEventBytes: 1_000_000 } as const;

const headers = (config: OtlpConfig): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers)) out[name] = value.reveal();
  return { ...out, 'Content-Type': CONTENT_TYPES[config.encoding], Accept: CONTENT_TYPES[config.encoding], 'User-Agent': USER_AGENT };
};

export const otlpConnector = defineHttpConnector({
  type: 'otlp',
  displayName: 'OpenTelemetry (OTLP)',
  description: 'Sends each Auth0 event as an OpenTelemetry log record to an OTLP/HTTP receiver (Collector, Grafana, Honeycomb, New Relic, Dynatrace, SigNoz).',
  configSchema: otlpConfigSchema,
  limits: { ...OTLP_LIMITS },
  endpoints: (config) => ({ endpoint: config.endpoint }),
  encode: (batch, config, ctx) => {
    const records = toLogRecords(batch, { ...config, observedAt: ctx.clock.now() }, ctx.tenant);
    return {
      method: 'POST',
      url: logsUrl(config.endpoint),
      headers: headers(config),
      body: serializeLogs(records, config.encoding),
      compress: config.compression === 'gzip' ? 'gzip' : undefined,
    };
  },
  classify: classifyOtlp,
  // A 2xx may still carry partialSuccess: logged as a warning; no further request is made.
  confirm: async (response, follow) => warnOnPartialSuccess(response, follow.ctx.logger, collectSecrets(follow.config)),
  // An empty ExportLogsServiceRequest writes nothing; receivers answer it like any export (spec: "SHOULD respond with success").
  probe: (config) => ({ method: 'POST', url: logsUrl(config.endpoint), headers: headers(config), body: serializeLogs([], config.encoding) }),
});
