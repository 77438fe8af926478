// Stream leases on PostgreSQL: membership heartbeats, claim-with-cap, release (ADR 0019). Every time is the database's now().
import type pg from 'pg';
import type { LiveRunner, StreamLease, StreamLeases } from '@outflow/core';

const ACTIVE = "(s.definition::jsonb ->> 'status') = 'active'";
const TTL = "($2::double precision * interval '1 millisecond')";
/** The stream's version as leases report it: its definition's update time and its cursor generation. */
const VERSION = "(s.definition::jsonb ->> 'updatedAt') || ':' || s.generation";

/** One statement: upsert membership, renew unexpired own leases of active streams (dropping those of paused or deleted ones), forget long-dead runners, and return held leases with the cap. */
const HEARTBEAT_SQL = `
WITH me AS (
  INSERT INTO runners (id, host, pid, started_at, heartbeat_at, expires_at) VALUES ($1, $3, $4, now(), now(), now() + ${TTL})
  ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), expires_at = now() + ${TTL}
  RETURNING id
), renewed AS (
  UPDATE stream_leases l SET expires_at = now() + ${TTL} FROM streams s
  WHERE l.runner_id = $1 AND l.expires_at > now() AND s.id = l.stream_id AND ${ACTIVE}
  RETURNING l.stream_id, l.generation, ${VERSION} AS version
), idle AS (
  DELETE FROM stream_leases l WHERE l.runner_id = $1 AND NOT EXISTS (SELECT 1 FROM streams s WHERE s.id = l.stream_id AND ${ACTIVE})
), gone AS (
  DELETE FROM runners WHERE expires_at < now() - interval '1 minute' AND id <> $1
)
SELECT
  (SELECT count(*) FROM runners WHERE expires_at > now() AND id <> $1)::int + (SELECT count(*) FROM me)::int AS runners,
  (SELECT count(*) FROM streams s WHERE ${ACTIVE})::int AS streams,
  COALESCE((SELECT json_agg(json_build_array(stream_id, generation, version)) FROM renewed), '[]') AS leases`;

const CLAIM_SQL = `
WITH candidates AS (
  SELECT s.id FROM streams s
  WHERE ${ACTIVE} AND NOT EXISTS (SELECT 1 FROM stream_leases l WHERE l.stream_id = s.id AND l.expires_at > now())
  ORDER BY s.id LIMIT $3
  FOR UPDATE OF s SKIP LOCKED
)
INSERT INTO stream_leases (stream_id, runner_id, generation, acquired_at, expires_at)
SELECT id, $1, nextval('stream_lease_generations'), now(), now() + ${TTL} FROM candidates
ON CONFLICT (stream_id) DO UPDATE
  SET runner_id = EXCLUDED.runner_id, generation = EXCLUDED.generation, acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at
  WHERE stream_leases.expires_at <= now()
RETURNING stream_id, generation, (SELECT ${VERSION} FROM streams s WHERE s.id = stream_leases.stream_id) AS version`;

interface LeaseRow {
  stream_id: string;
  generation: string | number;
  version: string;
}

const toLease = (r: LeaseRow): StreamLease => ({ streamId: r.stream_id, generation: Number(r.generation), version: r.version });

export function createStreamLeases(pool: pg.Pool): StreamLeases {
  return {
    async heartbeat(runner, ttlMs) {
      const { rows } = await pool.query<{ runners: number; streams: number; leases: Array<[string, string | number, string]> }>(HEARTBEAT_SQL, [
        runner.id,
        ttlMs,
        runner.host,
        runner.pid,
      ]);
      const row = rows[0] ?? { runners: 1, streams: 0, leases: [] };
      const runners = Math.max(1, row.runners);
      return {
        leases: row.leases.map(([streamId, generation, version]) => ({ streamId, generation: Number(generation), version })),
        cap: Math.ceil(row.streams / runners),
        runners,
        streams: row.streams,
      };
    },
    async claim(runnerId, max, ttlMs) {
      if (max <= 0) return [];
      const { rows } = await pool.query<LeaseRow>(CLAIM_SQL, [runnerId, ttlMs, max]);
      return rows.map(toLease);
    },
    async release(runnerId, streamIds) {
      if (streamIds === undefined) await pool.query('DELETE FROM stream_leases WHERE runner_id = $1', [runnerId]);
      else if (streamIds.length > 0) await pool.query('DELETE FROM stream_leases WHERE runner_id = $1 AND stream_id = ANY($2)', [runnerId, streamIds]);
    },
    async leave(runnerId) {
      await pool.query('WITH l AS (DELETE FROM stream_leases WHERE runner_id = $1) DELETE FROM runners WHERE id = $1', [runnerId]);
    },
    async runners(): Promise<LiveRunner[]> {
      const { rows } = await pool.query<{
        id: string;
        host: string;
        pid: number;
        started_at: Date;
        heartbeat_at: Date;
        expires_at: Date;
        age_ms: number;
        lease_expires_at: Date | null;
        streams: string[];
      }>(
        `SELECT r.id, r.host, r.pid, r.started_at, r.heartbeat_at, r.expires_at,
           GREATEST(0, EXTRACT(EPOCH FROM (now() - r.heartbeat_at)) * 1000)::double precision AS age_ms,
           min(l.expires_at) AS lease_expires_at,
           COALESCE(array_agg(l.stream_id ORDER BY l.stream_id) FILTER (WHERE l.stream_id IS NOT NULL), '{}') AS streams
         FROM runners r LEFT JOIN stream_leases l ON l.runner_id = r.id AND l.expires_at > now()
         WHERE r.expires_at > now() GROUP BY r.id ORDER BY r.id`,
      );
      return rows.map((r) => ({
        id: r.id,
        host: r.host,
        pid: r.pid,
        startedAt: r.started_at.getTime(),
        heartbeatAt: r.heartbeat_at.getTime(),
        expiresAt: r.expires_at.getTime(),
        heartbeatAgeMs: Math.round(Number(r.age_ms)),
        leaseExpiresAt: r.lease_expires_at === null ? null : r.lease_expires_at.getTime(),
        streams: r.streams,
      }));
    },
  };
}
