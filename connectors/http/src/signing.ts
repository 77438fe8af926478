// Standard Webhooks signing: key parsing, a stable message id per request, the v1 signature.
import { createHash, createHmac } from 'node:crypto';

const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The HMAC key of a signing secret: the base64-decoded part after `whsec_`, or the UTF-8
 * bytes of a secret without the prefix. Throws (without quoting the secret) when malformed.
 */
export function parseSigningKey(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) return Buffer.from(secret, 'utf8');
  const encoded = secret.slice(PREFIX.length);
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (key.length === 0) throw new Error('must be "whsec_" followed by base64, or a raw secret without the prefix');
  return key;
}

/** `msg_` + 32 hex chars of sha256 over the log_ids: the same events always get the same id. */
export function webhookId(logIds: readonly string[]): string {
  return `msg_${createHash('sha256').update(logIds.join('\n')).digest('hex').slice(0, 32)}`;
}

/** `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)), body uncompressed. */
export function signPayload(key: Buffer, id: string, timestamp: number, body: Buffer): string {
  const hmac = createHmac('sha256', key);
  hmac.update(`${id}.${timestamp}.`);
  hmac.update(body);
  return `v1,${hmac.digest('base64')}`;
}
