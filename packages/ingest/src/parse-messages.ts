// Messages between the parse pool and its worker threads.
import type { BodyFormat, ItemIssue } from './types.js';

export interface ParseRequest {
  id: number;
  body: ArrayBuffer;
  length: number;
  format: BodyFormat;
  tenant: string;
  now: number;
  maxEventBytes?: number | undefined;
  maxEvents?: number | undefined;
}

/**
 * `body` hands the request's memory back: a worker thread allocates little, so it collects
 * rarely, and bodies left there would pile up (tens of MB at full ingest speed) until it did.
 */
export type ParseReply = { body?: ArrayBuffer | undefined } & (
  | {
      id: number;
      ok: true;
      lines: ArrayBuffer;
      linesOffset: number;
      linesLength: number;
      ends: Uint32Array;
      logIds: string[];
      types: string[];
      dates: Float64Array;
    }
  | { id: number; ok: false; message: string; issues: ItemIssue[] }
);
