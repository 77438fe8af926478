// The runner's readiness: the store is open, the parser threads are up and the runner is not shutting down.
import type { ParsePool } from '@outflow/ingest';

export type NotReadyCode = 'starting' | 'parse_threads_down' | 'shutting_down';

export type ReadinessState = { ready: true } | { ready: false; code: NotReadyCode; reason: string };

export interface Readiness {
  check(): ReadinessState;
  /** The store is open and the runner started its workers. */
  started(parser: ParsePool): void;
  /** Shutdown began: not ready from now on. */
  stopping(): void;
}

export function createReadiness(): Readiness {
  let parser: ParsePool | null = null;
  let shuttingDown = false;
  return {
    check() {
      if (shuttingDown) return { ready: false, code: 'shutting_down', reason: 'The runner is shutting down.' };
      if (!parser) return { ready: false, code: 'starting', reason: 'The runner is starting: the store is not open yet.' };
      if (!parser.up()) return { ready: false, code: 'parse_threads_down', reason: 'The ingest parser threads are not up.' };
      return { ready: true };
    },
    started(p) {
      parser = p;
    },
    stopping() {
      shuttingDown = true;
    },
  };
}
