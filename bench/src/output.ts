// The results JSON of a run (bench/results/latest.json).
import type { BenchStoreKind } from './bench-store.js';
import type { Floor } from './floor.js';
import type { Machine } from './machine.js';
import type { ProfileSummary } from './profile-summary.js';
import type { ScenarioResult } from './result.js';

export interface BenchOutput {
  date: string;
  quick: boolean;
  /** The runner's store (`--store`); absent in results of older versions (SQLite). */
  store?: BenchStoreKind;
  machine: Machine;
  floor: Floor;
  avgEventBytes: number;
  results: ScenarioResult[];
  profiledScenario: string | null;
  profiles: ProfileSummary[];
  totalSec: number;
}
