// Checks the fields Outflow reads or Auth0 types strictly; other fields pass through unchanged.
const STRING_FIELDS = [
  'connection', 'connection_id', 'client_name', 'ip', 'hostname', 'user_id', 'user_name', 'audience',
  'strategy', 'strategy_type', 'user_agent', 'tenant_name', 'environment_name',
] as const;
const OBJECT_FIELDS = ['details', 'location_info', 'security_context'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const MAX_ID = 256;
const MAX_TYPE = 100;

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Returns a problem description, or undefined when the event is acceptable. */
export function validateEvent(e: Record<string, unknown>): string | undefined {
  const type = e.type;
  if (typeof type !== 'string' || type.length === 0 || type.length > MAX_TYPE) {
    return type === undefined
      ? 'type: required (the Auth0 event type code, e.g. "s" or "fp")'
      : `type: expected a non-empty string of at most ${MAX_TYPE} characters, got ${kind(type)}`;
  }
  const logId = e.log_id;
  if (logId !== undefined && (typeof logId !== 'string' || logId.length === 0 || logId.length > MAX_ID)) {
    return `log_id: expected a non-empty string of at most ${MAX_ID} characters, got ${kind(logId)}`;
  }
  const date = e.date;
  if (date !== undefined && (typeof date !== 'string' || !ISO_DATE.test(date) || Number.isNaN(Date.parse(date)))) {
    return `date: expected an ISO 8601 date-time such as "2026-01-15T10:30:00.000Z", got ${typeof date === 'string' ? JSON.stringify(date.slice(0, 40)) : kind(date)}`;
  }
  if (e.description !== undefined && e.description !== null && typeof e.description !== 'string') {
    return `description: expected a string or null, got ${kind(e.description)}`;
  }
  if (e.client_id !== undefined && e.client_id !== null && typeof e.client_id !== 'string') {
    return `client_id: expected a string or null, got ${kind(e.client_id)}`;
  }
  for (const f of STRING_FIELDS) {
    const v = e[f];
    if (v !== undefined && v !== null && typeof v !== 'string') return `${f}: expected a string, got ${kind(v)}`;
  }
  for (const f of OBJECT_FIELDS) {
    const v = e[f];
    if (v !== undefined && v !== null && kind(v) !== 'object') return `${f}: expected an object, got ${kind(v)}`;
  }
  for (const f of ['isMobile', 'is_mobile'] as const) {
    const v = e[f];
    if (v !== undefined && typeof v !== 'boolean') return `${f}: expected a boolean, got ${kind(v)}`;
  }
  return undefined;
}

export { kind as jsonKind };
