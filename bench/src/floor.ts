// The floor: how fast one core JSON.parses the very NDJSON lines the load generator sends.

export interface Floor {
  /** Events per second JSON.parse reaches on one core (best of the passes). */
  eventsPerSec: number;
  /** CPU seconds per million events at that rate. */
  cpuSecPerM: number;
  passes: number;
}

export function measureFloor(lines: readonly string[], minMs = 1500): Floor {
  let best = 0;
  let passes = 0;
  let sink = 0;
  const started = performance.now();
  // Warm up on a slice so the measured passes run optimized code.
  for (let i = 0; i < Math.min(lines.length, 20_000); i++) sink += (JSON.parse(lines[i] as string) as { type: string }).type.length;
  while (passes < 3 || performance.now() - started < minMs) {
    const t = performance.now();
    for (let i = 0; i < lines.length; i++) sink += (JSON.parse(lines[i] as string) as { type: string }).type.length;
    const rate = lines.length / ((performance.now() - t) / 1000);
    best = Math.max(best, rate);
    passes++;
    if (passes >= 50) break;
  }
  if (sink < 0) console.log(sink);
  return { eventsPerSec: best, cpuSecPerM: 1e6 / best, passes };
}
