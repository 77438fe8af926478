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

export type ParseReply =
  | { id: number; ok: true; lines: ArrayBuffer; linesOffset: number; linesLength: number; ends: Uint32Array; logIds: string[]; types: string[]; dates: Float64Array }
  | { id: number; ok: false; message: string; issues: ItemIssue[] };
