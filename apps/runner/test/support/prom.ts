// Scrapes a /metrics endpoint and reads it through a real Prometheus text-format parser.
import { createRequire } from 'node:module';

export interface Sample {
  labels?: Record<string, string>;
  value?: string;
  count?: string;
  sum?: string;
  buckets?: Record<string, string>;
}

export interface Family {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: Sample[];
}

const parse = createRequire(import.meta.url)('parse-prometheus-text-format') as (text: string) => Family[];

export interface Scrape {
  families: Map<string, Family>;
  text: string;
  /** The sum of the matching samples' values (a histogram's: their counts), 0 when none. */
  value(name: string, labels?: Record<string, string>): number;
  /** Samples of a family whose labels include `labels` (a histogram's: its `_count` samples). */
  series(name: string, labels?: Record<string, string>): Sample[];
}

/**
 * The parser flattens a labelled histogram into one bucket map and drops its labels, so histograms
 * are parsed a second time with their `# TYPE`/`# HELP` lines left out: their `_bucket`, `_sum` and
 * `_count` samples then come back as plain families with their labels.
 */
export function parseMetrics(text: string): Scrape {
  const typed = parse(text);
  const histograms = new Set(typed.filter((f) => f.type === 'HISTOGRAM').map((f) => f.name));
  const plain = text
    .split('\n')
    .filter((line) => !(line.startsWith('# ') && histograms.has(line.split(' ')[2] as string)))
    .join('\n');
  const families = new Map(typed.map((f) => [f.name, f]));
  // Each histogram series comes back as its own run of `_bucket`, `_sum`, `_count` families: merge them by name.
  for (const f of parse(plain)) {
    if (f.type !== 'UNTYPED' || histograms.has(f.name)) continue;
    const known = families.get(f.name);
    if (known) known.metrics.push(...f.metrics);
    else families.set(f.name, f);
  }
  const series = (name: string, labels: Record<string, string> = {}) => {
    const key = histograms.has(name) ? `${name}_count` : name;
    return (families.get(key)?.metrics ?? []).filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  };
  return {
    families,
    text,
    series,
    value(name, labels) {
      return series(name, labels).reduce((sum, m) => sum + Number(m.value ?? 0), 0);
    },
  };
}

export async function scrape(url: string, token?: string): Promise<Scrape> {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (res.status !== 200) throw new Error(`The scrape answered ${res.status}: ${await res.text()}`);
  return parseMetrics(await res.text());
}
