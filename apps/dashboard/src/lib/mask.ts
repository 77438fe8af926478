// The mask the API puts in place of secret values (core's REDACTED); sent back, it keeps the stored secret.
export const REDACTED_MASK = '[REDACTED]';
