// What every scenario gets: where the runner and child scripts are, the workload, the floor, the sizes.
import { fileURLToPath } from 'node:url';
import type { BenchStoreKind } from './bench-store.js';
import type { Floor } from './floor.js';
import type { Sizes } from './sizes.js';
import type { Workload } from './workload.js';

export interface BenchContext {
  runnerMain: string;
  /** Temporary folder of this run (removed at the end). */
  tmp: string;
  workload: Workload;
  floor: Floor;
  sizes: Sizes;
  /** `--cpu-prof` output folder for the runner, when profiling this scenario. */
  profileDir: string | undefined;
  /** Keep each scenario's store and runner log. */
  keep: boolean;
  /** The runner's store kind (`--store`). */
  store: BenchStoreKind;
  log(message: string): void;
}

export const SINK_SCRIPT = fileURLToPath(new URL('./sink-server.js', import.meta.url));
export const LOADGEN_SCRIPT = fileURLToPath(new URL('./loadgen.js', import.meta.url));
export const RUNNER_MAIN = fileURLToPath(new URL('../../apps/runner/dist/main.js', import.meta.url));
