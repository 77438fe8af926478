// Checks a sink sent to the management API: operator-only fields, then the connector and the egress policy; 400 naming each bad field.
import { operatorOnlyFields, valueAtPath, type ConfigIssue } from '@outflow/core';
import type { ApiDeps } from './api-deps.js';
import { validateStreamSink } from '../config/validate-streams.js';
import { HttpError } from './respond.js';

/** 400 `invalid_body` listing the issues, in the shape every sink check answers with. */
export function invalidSink(issues: ConfigIssue[]): HttpError {
  return new HttpError(400, `Payload validation error: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, 'invalid_body', { errors: issues });
}

/** Fields that reach the runner's machine are set only in the operator's config file, never through the API. */
export function operatorOnlyIssues(deps: Pick<ApiDeps, 'registry'>, type: string, sink: Record<string, unknown>): ConfigIssue[] {
  const def = deps.registry.get(type);
  if (!def) return [];
  return operatorOnlyFields(def.configSchema)
    .filter((f) => valueAtPath(sink, f.path) !== undefined)
    .map((f) => ({ path: `sink.${f.path}`, message: `can be set only in the operator's config file, not through the management API (${f.reason})` }));
}

export async function checkSink(deps: ApiDeps, stream: { type: string; sink: Record<string, unknown>; name: string; tenant: string }): Promise<void> {
  const refused = operatorOnlyIssues(deps, stream.type, stream.sink);
  if (refused.length) throw invalidSink(refused);
  const issues = await validateStreamSink(stream, deps.registry, deps.openConnector, '');
  if (issues.length) throw invalidSink(issues);
}
