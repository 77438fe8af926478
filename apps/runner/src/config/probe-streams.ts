// `outflow validate --probe`: each configured stream's connector, made through delivery's one path, asked for its healthcheck.
import { PROBE_TIMEOUT_MS, type OpenStreamConnector, type ProbeOutcome } from '@outflow/delivery';
import type { RunnerConfig } from './schema.js';

export interface StreamProbe {
  /** `tenant/name` of the stream. */
  stream: string;
  type: string;
  outcome: ProbeOutcome;
}

/** Probes the streams one after another (each within `timeoutMs`); secrets never appear in the outcomes. */
export async function probeStreams(config: RunnerConfig, open: OpenStreamConnector, timeoutMs = PROBE_TIMEOUT_MS): Promise<StreamProbe[]> {
  const out: StreamProbe[] = [];
  for (const stream of config.streams) {
    const name = `${stream.tenant}/${stream.name}`;
    const opened = await open({ ...stream, id: `validate:${name}`, managedBy: 'config' });
    if (!opened.ok) {
      out.push({ stream: name, type: stream.type, outcome: { ok: false, error: { kind: 'config', message: opened.failure.message }, durationMs: 0 } });
      continue;
    }
    try {
      out.push({ stream: name, type: stream.type, outcome: await opened.stream.probe(timeoutMs) });
    } finally {
      await opened.stream.close();
    }
  }
  return out;
}

/** One line per stream: `ok  tenant/name (type) 12 ms` or `FAIL tenant/name (type): kind: message`. */
export function probeLine(p: StreamProbe): string {
  const { outcome } = p;
  if (outcome.ok) return `ok    ${p.stream} (${p.type}) ${outcome.durationMs} ms${outcome.message ? `: ${outcome.message}` : ''}`;
  const e = outcome.error;
  return `FAIL  ${p.stream} (${p.type}) ${outcome.durationMs} ms: ${e?.kind ?? 'unknown'}${e?.status !== undefined ? ` ${e.status}` : ''}: ${e?.message ?? 'the probe failed'}`;
}
