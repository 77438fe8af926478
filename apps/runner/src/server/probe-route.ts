// POST /api/v2/log-streams/{id}/probe and /probe: the connector's healthcheck for a stream or an unsaved sink; nothing is sent or stored.
import type { ProbeAnswer } from '@outflow/api-types';
import { PROBE_TIMEOUT_MS, type StreamSpec } from '@outflow/delivery';
import { z } from 'zod';
import type { ApiDeps } from './api-deps.js';
import { readJson } from './json-body.js';
import { loadOwnStream } from './log-streams-routes.js';
import { sendJson } from './respond.js';
import type { Router } from './router.js';
import { checkSink } from './sink-check.js';

const unsavedSchema = z.object({ type: z.string().min(1), sink: z.record(z.string(), z.unknown()) }).strict();

/** Opens the stream's connector through delivery's one path and asks it; a refused config is a failed probe of kind `config`. */
export async function probeStream(deps: Pick<ApiDeps, 'openConnector' | 'logger'>, stream: StreamSpec): Promise<ProbeAnswer> {
  const opened = await deps.openConnector(stream);
  if (!opened.ok) return { ok: false, error: { kind: 'config', message: opened.failure.message }, durationMs: 0 };
  try {
    const answer = await opened.stream.probe(PROBE_TIMEOUT_MS);
    deps.logger.info(
      { stream: stream.id, type: stream.type, ok: answer.ok, errorKind: answer.error?.kind, durationMs: answer.durationMs },
      'A destination was probed.',
    );
    return answer;
  } finally {
    await opened.stream.close();
  }
}

export function addProbeRoutes(router: Router, deps: ApiDeps): void {
  // An unsaved sink (the dashboard's "Test connection"): the checks of create, then the probe.
  router.add('POST', '/api/v2/log-streams/probe', async (req, res) => {
    const { tenant } = deps.tokens.require(req, 'create:log_streams');
    const body = await readJson(req, unsavedSchema);
    await checkSink(deps, { type: body.type, sink: body.sink, name: 'probe', tenant });
    sendJson(res, 200, await probeStream(deps, { id: 'probe', tenant, type: body.type, sink: body.sink, managedBy: 'api' }));
  });

  router.add('POST', '/api/v2/log-streams/:id/probe', async (req, res, p) => {
    const { tenant } = deps.tokens.require(req, 'update:log_streams');
    const stream = await loadOwnStream(deps, tenant, p.id as string);
    await readJson(req, z.object({}).strict());
    sendJson(res, 200, await probeStream(deps, stream));
  });
}
