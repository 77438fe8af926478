// Per stream, the time span in which each runner delivered it (receiver side): for checking that no two runners deliver one stream at once.
import { runnerOf, streamOf } from './cluster.js';
import type { ReceivedRequest } from './receiver.js';

/** stream → runner → [first, last] arrival (ms). */
export function deliverySpans(requests: readonly ReceivedRequest[]): Map<string, Map<string, [number, number]>> {
  const spans = new Map<string, Map<string, [number, number]>>();
  for (const r of requests) {
    const byRunner = spans.get(streamOf(r)) ?? new Map<string, [number, number]>();
    spans.set(streamOf(r), byRunner);
    const span = byRunner.get(runnerOf(r));
    byRunner.set(runnerOf(r), span ? [Math.min(span[0], r.at), Math.max(span[1], r.at)] : [r.at, r.at]);
  }
  return spans;
}

/** The streams two of whose runners' spans overlap, with the spans, for the failure message. */
export function overlappingStreams(requests: readonly ReceivedRequest[]): string[] {
  const bad: string[] = [];
  for (const [stream, byRunner] of deliverySpans(requests)) {
    const list = [...byRunner].sort((a, b) => a[1][0] - b[1][0]);
    for (let i = 1; i < list.length; i++) {
      const [prevRunner, prev] = list[i - 1] as [string, [number, number]];
      const [runner, span] = list[i] as [string, [number, number]];
      if (span[0] <= prev[1]) bad.push(`${stream}: ${prevRunner} ${prev[0]}–${prev[1]}, ${runner} ${span[0]}–${span[1]}`);
    }
  }
  return bad;
}

/** Per runner, how many streams it delivered last (the owner after any handover). */
export function lastOwners(requests: readonly ReceivedRequest[]): Map<string, number> {
  const last = new Map<string, string>();
  for (const r of [...requests].sort((a, b) => a.at - b.at)) last.set(streamOf(r), runnerOf(r));
  const per = new Map<string, number>();
  for (const runner of last.values()) per.set(runner, (per.get(runner) ?? 0) + 1);
  return per;
}
