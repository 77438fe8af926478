// The results JSON of a run (bench/results/latest.json).
import type { Floor } from './floor.js';
import type { Machine } from './machine.js';
import type { ProfileSummary } from './profile-summary.js';
import type { ScenarioResult } from './result.js';

export interface BenchOutput {
  date: string;
  quick: boolean;
  machine: Machine;
  floor: Floor;
  avgEventBytes: number;
  results: ScenarioResult[];
  profiledScenario: string | null;
  profiles: ProfileSummary[];
  totalSec: number;
}
