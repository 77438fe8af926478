// Sums self time per function over the runner's .cpuprofile files (one per thread) and lists the top ones.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  percent: number;
}
export interface ProfileSummary {
  file: string /** Busy (non-idle) sampled time. */;
  totalMs: number;
  top: HotFunction[];
}

function summarize(file: string, limit: number): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byNode = new Map<number, ProfileNode>(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; us: number }>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i + 1] ?? 0;
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const name = frame.functionName || '(anonymous)';
    const where = frame.url ? `${frame.url.replace(/^file:\/\/.*?\/(node_modules|apps|packages|connectors)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const e = self.get(key) ?? { name, where, us: 0 };
    e.us += dt;
    if (name !== '(idle)') total += dt;
    self.set(key, e);
  });
  const top = [...self.values()]
    .filter((e) => e.name !== '(idle)')
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((e) => ({ name: e.name, where: e.where, selfMs: Math.round(e.us / 1000), percent: Math.round((e.us / total) * 1000) / 10 }));
  return { file: basename(file), totalMs: Math.round(total / 1000), top };
}

export function summarizeProfiles(dir: string, limit = 25): ProfileSummary[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
  return files.map((f) => summarize(f, limit)).sort((a, b) => b.totalMs - a.totalMs);
}

export function profileTable(s: ProfileSummary): string {
  const rows = [`${s.file} (${s.totalMs} ms busy; % of busy time)`, '| self ms | % | function | where |', '|---|---|---|---|'];
  for (const f of s.top) rows.push(`| ${f.selfMs} | ${f.percent} | ${f.name} | ${f.where} |`);
  return rows.join('\n');
}
