// The in-memory indices of the fake Elasticsearch: `_bulk` lines applied with Elastic's per-item results (201, 409, 400).
/** One item result of a `_bulk` answer, in Elastic's shape. */
export interface ElasticItemResult {
  _index: string;
  _id: string | null;
  status: number;
  _version?: number;
  result?: string;
  _seq_no?: number;
  _primary_term?: number;
  _shards?: { total: number; successful: number; failed: number };
  error?: { type: string; reason: string; index?: string; shard?: string; index_uuid?: string };
}

/** A failure forced on an item by a test (e.g. 429 es_rejected_execution_exception). */
export interface ForcedItemFailure {
  status: number;
  type?: string;
  reason?: string;
}

/** A stored document and how many writes it saw (always 1 with `create`). */
export interface StoredDocument {
  source: Record<string, unknown>;
  version: number;
}

const ERROR_TYPES: Record<number, string> = { 400: 'mapper_parsing_exception', 429: 'es_rejected_execution_exception', 503: 'unavailable_shards_exception' };

/** `logs-*-*`, `metrics-*-*`, `traces-*-*` names are data streams (the built-in templates). */
export const isDataStreamName = (name: string) => /^(logs|metrics|traces)-[^-]+-[^-]+$/.test(name);

type Kind = 'object' | 'concrete';

/** Dynamic mapping, reduced to what makes documents fail: a field once an object must stay one, and the reverse. */
function mappingConflict(mapping: Map<string, Kind>, value: unknown, path: string, learned: Array<[string, Kind]>): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const problem = mappingConflict(mapping, v, path, learned);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value === null || value === undefined) return undefined;
  const kind: Kind = typeof value === 'object' ? 'object' : 'concrete';
  const known = mapping.get(path) ?? learned.find(([p]) => p === path)?.[1];
  if (path && known && known !== kind) {
    const field = path.slice(path.lastIndexOf('.') + 1);
    return kind === 'concrete'
      ? `object mapping for [${path}] tried to parse field [${field}] as object, but found a concrete value`
      : `failed to parse field [${path}] of type [keyword]. Preview of field's value: '${JSON.stringify(value).slice(0, 40)}'`;
  }
  if (path && !known) learned.push([path, kind]);
  if (kind === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const problem = mappingConflict(mapping, v, path ? `${path}.${k}` : k, learned);
      if (problem) return problem;
    }
  }
  return undefined;
}

export interface ElasticIndices {
  /** Applies one action (and its document) and answers its item result. */
  apply(op: string, index: string, id: string | undefined, source: Record<string, unknown> | undefined, forced?: ForcedItemFailure): ElasticItemResult;
  documents(index?: string): Map<string, StoredDocument>;
  indexNames(): string[];
  /** Documents in all indices, without copying them. */
  count(): number;
  clear(): void;
}

export function createElasticIndices(today: () => string): ElasticIndices {
  const docs = new Map<string, Map<string, StoredDocument>>();
  const mappings = new Map<string, Map<string, Kind>>();
  let seqNo = 0;
  let autoId = 0;

  const concreteName = (index: string) => (isDataStreamName(index) ? `.ds-${index}-${today()}-000001` : index);
  const failure = (index: string, id: string | null, status: number, type: string, reason: string): ElasticItemResult => ({
    _index: concreteName(index),
    _id: id,
    status,
    error: { type, reason, index: concreteName(index) },
  });

  return {
    apply(op, index, id, source, forced) {
      if (forced)
        return failure(index, id ?? null, forced.status, forced.type ?? ERROR_TYPES[forced.status] ?? 'exception', forced.reason ?? 'Forced by the test.');
      const dataStream = isDataStreamName(index);
      if (dataStream && op !== 'create')
        return failure(index, id ?? null, 400, 'illegal_argument_exception', `only write ops with an op_type of create are allowed in data streams`);
      if (!source) return failure(index, id ?? null, 400, 'illegal_argument_exception', 'The action has no document.');
      if (dataStream && typeof source['@timestamp'] !== 'string')
        return failure(index, id ?? null, 400, 'document_parsing_exception', 'data stream timestamp field [@timestamp] is missing');
      const docId = id ?? `auto-${++autoId}`;
      const store = docs.get(index) ?? new Map<string, StoredDocument>();
      const existing = store.get(docId);
      if (existing && op === 'create')
        return failure(
          index,
          docId,
          409,
          'version_conflict_engine_exception',
          `[${docId}]: version conflict, document already exists (current version [${existing.version}])`,
        );
      const mapping = mappings.get(index) ?? new Map<string, Kind>();
      const learned: Array<[string, Kind]> = [];
      const conflict = mappingConflict(mapping, source, '', learned);
      if (conflict) return failure(index, docId, 400, 'document_parsing_exception', `[1:1] ${conflict}`);
      for (const [path, kind] of learned) mapping.set(path, kind);
      mappings.set(index, mapping);
      const version = (existing?.version ?? 0) + 1;
      store.set(docId, { source, version });
      docs.set(index, store);
      return {
        _index: concreteName(index),
        _id: docId,
        _version: version,
        result: existing ? 'updated' : 'created',
        _shards: { total: 2, successful: 1, failed: 0 },
        _seq_no: seqNo++,
        _primary_term: 1,
        status: existing ? 200 : 201,
      };
    },
    documents(index) {
      if (index !== undefined) return new Map(docs.get(index) ?? []);
      const all = new Map<string, StoredDocument>();
      for (const store of docs.values()) for (const [id, d] of store) all.set(id, d);
      return all;
    },
    indexNames: () => [...docs.keys()],
    count: () => [...docs.values()].reduce((n, store) => n + store.size, 0),
    clear() {
      docs.clear();
      mappings.clear();
    },
  };
}
