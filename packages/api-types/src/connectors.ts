// GET /api/v2/connectors: the installed connector types with their config's JSON schema.

/** A JSON schema node as zod's toJSONSchema writes it (the parts forms read). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  /** Outflow's mark of a secret field (write-only: answers show it as `"[REDACTED]"`). */
  secret?: boolean;
  writeOnly?: boolean;
  /** Outflow's mark of a field only the operator's config file may set (the API refuses it; forms leave it out). */
  operatorOnly?: boolean;
  operatorOnlyReason?: string;
  /** Outflow's mark of a field that picks where the sink sends: changing it needs the secrets again. */
  destination?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

export interface ConnectorInfo {
  type: string;
  displayName: string;
  description?: string;
  /** Hard limits of one request to the destination. */
  limits: { maxEvents: number; maxBytes: number; maxEventBytes: number };
  /** PII fields (`pii_config.log_fields` names) the destination needs unmasked, and why. */
  needsUnmasked?: { fields: string[]; reason: string };
  schema: JsonSchema;
}
