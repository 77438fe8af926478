// Maps one Auth0 log envelope to an Elastic Common Schema document, after Elastic's own Auth0 integration.
import { categoryOf, EVENT_NAMES, type LogEnvelope } from '@outflow/core';

/** The ECS version the documents follow. */
export const ECS_VERSION = '8.17.0';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** ECS `event.category`/`event.type` of an Auth0 stream category (`auth.login.success` → authentication/start). */
function ecsKind(category: string): { category?: string[]; type: string[] } {
  if (category.startsWith('auth.login')) return { category: ['authentication'], type: category.endsWith('.success') ? ['start'] : ['info'] };
  if (category.startsWith('auth.logout')) return { category: ['authentication', 'session'], type: ['end'] };
  if (category.startsWith('auth.')) return { category: ['authentication'], type: ['info'] };
  if (category.startsWith('management.') || category.startsWith('user.') || category === 'scim.event') return { category: ['iam'], type: ['info'] };
  return { type: ['info'] };
}

/** `success`/`failure` from the category's suffix, else `unknown` (notifications). */
function outcomeOf(category: string): 'success' | 'failure' | 'unknown' {
  if (category.endsWith('.success')) return 'success';
  if (category.endsWith('.fail')) return 'failure';
  return 'unknown';
}

/** Drops undefined members so that the JSON has no empty keys. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The ECS document: `@timestamp` ← data.date, `event.*` from the type code (id = log_id, code,
 * action = the readable name, category/type/outcome from the stream category), `user.*`,
 * `source.ip`, `user_agent.original`, and the envelope as received under `auth0.logs`
 * (Elastic's integration keeps it there too).
 */
export function ecsDocument(envelope: LogEnvelope, timestamp: string): Record<string, unknown> {
  const { data } = envelope;
  const type = typeof data.type === 'string' ? data.type : '';
  const category = categoryOf(type);
  const userName = text(data.user_name);
  const user = compact({ id: text(data.user_id), name: userName, email: userName && EMAIL.test(userName) ? userName : undefined });
  const ip = text(data.ip);
  const userAgent = text(data.user_agent);
  return compact({
    '@timestamp': timestamp,
    ecs: { version: ECS_VERSION },
    event: compact({
      id: envelope.log_id,
      code: type || undefined,
      action: EVENT_NAMES[type] ?? text(data.description) ?? (type || undefined),
      kind: 'event',
      ...ecsKind(category),
      outcome: outcomeOf(category),
      dataset: 'auth0.logs',
      provider: 'auth0',
    }),
    message: text(data.description),
    user: Object.keys(user).length ? user : undefined,
    source: ip ? { ip } : undefined,
    client: ip ? { ip } : undefined,
    user_agent: userAgent ? { original: userAgent } : undefined,
    auth0: { logs: envelope },
  });
}
