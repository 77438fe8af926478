// The OTLP logs messages (opentelemetry-proto v1.x: common, resource, logs, logs_service) and google.rpc.Status, for protobufjs.
import protobuf from 'protobufjs';

/**
 * Field numbers and types as in open-telemetry/opentelemetry-proto (opentelemetry/proto/common/v1/common.proto,
 * resource/v1/resource.proto, logs/v1/logs.proto, collector/logs/v1/logs_service.proto) and googleapis
 * google/rpc/status.proto. Newer fields the connector never sends (entity refs, `details`) are left out:
 * protobuf skips unknown fields, so the fake still reads requests that carry them.
 */
const PROTO = `
syntax = "proto3";
package opentelemetry.proto;

message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    KeyValueList kvlist_value = 6;
    bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message InstrumentationScope {
  string name = 1;
  string version = 2;
  repeated KeyValue attributes = 3;
  uint32 dropped_attributes_count = 4;
}
message Resource {
  repeated KeyValue attributes = 1;
  uint32 dropped_attributes_count = 2;
}
message ResourceLogs {
  Resource resource = 1;
  repeated ScopeLogs scope_logs = 2;
  string schema_url = 3;
}
message ScopeLogs {
  InstrumentationScope scope = 1;
  repeated LogRecord log_records = 2;
  string schema_url = 3;
}
message LogRecord {
  fixed64 time_unix_nano = 1;
  fixed64 observed_time_unix_nano = 11;
  int32 severity_number = 2;
  string severity_text = 3;
  AnyValue body = 5;
  repeated KeyValue attributes = 6;
  uint32 dropped_attributes_count = 7;
  fixed32 flags = 8;
  bytes trace_id = 9;
  bytes span_id = 10;
  string event_name = 12;
}
message ExportLogsServiceRequest { repeated ResourceLogs resource_logs = 1; }
message ExportLogsServiceResponse { ExportLogsPartialSuccess partial_success = 1; }
message ExportLogsPartialSuccess {
  int64 rejected_log_records = 1;
  string error_message = 2;
}
message Status {
  int32 code = 1;
  string message = 2;
}
`;

const root = protobuf.parse(PROTO, { keepCase: false }).root;

export const ExportLogsServiceRequest = root.lookupType('opentelemetry.proto.ExportLogsServiceRequest');
export const ExportLogsServiceResponse = root.lookupType('opentelemetry.proto.ExportLogsServiceResponse');
export const RpcStatus = root.lookupType('opentelemetry.proto.Status');

/** Decodes a protobuf request into the OTLP/JSON object shape (camelCase, 64-bit integers as strings, bytes as base64). */
export function decodeProtobufRequest(body: Buffer): unknown {
  const message = ExportLogsServiceRequest.decode(body);
  return ExportLogsServiceRequest.toObject(message, { longs: String, enums: Number, bytes: String, defaults: false, oneofs: false });
}
