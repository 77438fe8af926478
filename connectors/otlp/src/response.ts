// Reads the collector's answers: partialSuccess of an ExportLogsServiceResponse, and google.rpc.Status error messages.
import { ProtobufLogsSerializer, type IExportLogsServiceResponse } from '@opentelemetry/otlp-transformer';

export interface PartialSuccess {
  rejected: number;
  message: string;
}

const isProtobuf = (contentType: string | undefined) => (contentType ?? '').toLowerCase().startsWith('application/x-protobuf');

/** The partialSuccess of a 2xx answer (in the answer's own encoding), or undefined when there is none or it says nothing. */
export function partialSuccessOf(body: Buffer, contentType: string | undefined): PartialSuccess | undefined {
  if (body.length === 0) return undefined;
  let parsed: IExportLogsServiceResponse;
  try {
    parsed = isProtobuf(contentType) ? ProtobufLogsSerializer.deserializeResponse(body) : (JSON.parse(body.toString('utf8')) as IExportLogsServiceResponse);
  } catch {
    return undefined; // an unreadable 2xx body: the request was still accepted
  }
  const p = parsed?.partialSuccess;
  if (!p || typeof p !== 'object') return undefined;
  // JSON encodes int64 as a string or a number.
  const rejected = Number(p.rejectedLogRecords ?? 0);
  const message = typeof p.errorMessage === 'string' ? p.errorMessage : '';
  if (!(rejected > 0) && !message) return undefined;
  return { rejected: Number.isFinite(rejected) && rejected > 0 ? rejected : 0, message };
}

/** Reads a varint at `at` (for google.rpc.Status: field 1 code, field 2 message). */
function varint(buf: Buffer, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let i = at;
  for (; i < buf.length && shift < 35; i++) {
    const b = buf[i] as number;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, i + 1];
  }
  throw new Error('bad varint');
}

/** The `message` of a google.rpc.Status error body (protobuf or JSON), or undefined. */
export function statusMessageOf(body: Buffer, contentType: string | undefined): string | undefined {
  try {
    if (!isProtobuf(contentType)) {
      const parsed = JSON.parse(body.toString('utf8')) as { message?: unknown };
      return typeof parsed.message === 'string' && parsed.message ? parsed.message : undefined;
    }
    let at = 0;
    while (at < body.length) {
      const [tag, next] = varint(body, at);
      const field = Math.floor(tag / 8);
      const wire = tag & 7;
      at = next;
      if (wire === 0) at = varint(body, at)[1];
      else if (wire === 2) {
        const [length, start] = varint(body, at);
        if (field === 2) return body.subarray(start, start + length).toString('utf8') || undefined;
        at = start + length;
      } else return undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
