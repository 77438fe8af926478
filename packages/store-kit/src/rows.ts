// Row ↔ record mapping shared by the SQL stores: streams, health records, dead letters, tokens, stats.
import type { ApiToken, DeadLetter, HealthRecord, HealthRecordKind, StoredStream, StreamCounts, StreamDefinition } from '@outflow/core';

export interface StreamRow {
  id: string;
  tenant: string;
  definition: string;
  cursor: number;
  generation: number;
  failing_since: number | null;
  last_success_at: number | null;
  last_error_at: number | null;
  delivered: number;
  dead_lettered: number;
  suspended_reason: string | null;
}

export function toStored(row: StreamRow): StoredStream {
  const definition = JSON.parse(row.definition) as StreamDefinition;
  return {
    ...definition,
    state: {
      cursor: row.cursor,
      generation: row.generation,
      failingSince: row.failing_since,
      lastSuccessAt: row.last_success_at,
      lastErrorAt: row.last_error_at,
      delivered: row.delivered,
      deadLettered: row.dead_lettered,
      suspendedReason: row.suspended_reason,
    },
  };
}

export interface HealthRow {
  id: number;
  stream_id: string;
  tenant: string;
  at: number;
  kind: HealthRecordKind;
  error_kind: string | null;
  status: number | null;
  message: string;
  attempts: number | null;
  count: number | null;
}

export function toRecord(row: HealthRow): HealthRecord {
  const record: HealthRecord = { id: row.id, streamId: row.stream_id, tenant: row.tenant, at: row.at, kind: row.kind, message: row.message };
  if (row.error_kind !== null) record.errorKind = row.error_kind;
  if (row.status !== null) record.status = row.status;
  if (row.attempts !== null) record.attempts = row.attempts;
  if (row.count !== null) record.count = row.count;
  return record;
}

export interface LetterRow {
  id: number;
  stream_id: string;
  tenant: string;
  seq: number;
  log_id: string;
  type: string;
  raw: string;
  at: number;
  error_kind: string;
  status: number | null;
  message: string;
}

export function toLetter(row: LetterRow): DeadLetter {
  const letter: DeadLetter = {
    id: row.id,
    streamId: row.stream_id,
    tenant: row.tenant,
    seq: row.seq,
    logId: row.log_id,
    type: row.type,
    raw: row.raw,
    at: row.at,
    errorKind: row.error_kind,
    message: row.message,
  };
  if (row.status !== null) letter.status = row.status;
  return letter;
}

export interface TokenRow {
  id: string;
  tenant: string;
  name: string | null;
  scopes: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

export const TOKEN_COLUMNS = 'id, tenant, name, scopes, created_at, expires_at, last_used_at, revoked_at';

export function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    tenant: row.tenant,
    name: row.name,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export interface StatsRow {
  minute: number;
  delivered: number;
  failed: number;
  dead_lettered: number;
  failed_rounds: number;
}

export const toCounts = (r: Omit<StatsRow, 'minute'> | undefined): StreamCounts => ({
  delivered: r?.delivered ?? 0,
  failed: r?.failed ?? 0,
  deadLettered: r?.dead_lettered ?? 0,
  failedRounds: r?.failed_rounds ?? 0,
});
