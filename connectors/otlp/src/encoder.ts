// Serializes log records as an ExportLogsServiceRequest with OpenTelemetry's own OTLP serializers (protobuf or JSON).
import { JsonLogsSerializer, ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';

export type OtlpEncoding = 'protobuf' | 'json';

export const CONTENT_TYPES: Readonly<Record<OtlpEncoding, string>> = { protobuf: 'application/x-protobuf', json: 'application/json' };

/** The request body for these records (the serializers answer undefined only on an internal error). */
export function serializeLogs(records: ReadableLogRecord[], encoding: OtlpEncoding): Buffer {
  const bytes = (encoding === 'json' ? JsonLogsSerializer : ProtobufLogsSerializer).serializeRequest(records);
  if (!bytes) throw new Error(`the OTLP ${encoding} serializer produced no body`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
