// Checks a stream's sink against its connector and the egress policy; 400 naming each bad field.
import type { ApiDeps } from './api-deps.js';
import { validateStreamSink } from '../config/validate-streams.js';
import { HttpError } from './respond.js';

export async function checkSink(deps: ApiDeps, stream: { type: string; sink: Record<string, unknown>; name: string; tenant: string }): Promise<void> {
  const issues = await validateStreamSink(stream, deps.registry, deps.egress, '');
  if (issues.length) {
    throw new HttpError(400, `Payload validation error: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, 'invalid_body', { errors: issues });
  }
}
