// The OTel severity of an Auth0 event, from its type code and category: failures WARN or ERROR, the rest INFO.
import { categoryOf, type Category } from '@outflow/core';

/** OTel SeverityNumber values used here (logs data model: INFO 9, WARN 13, ERROR 17). */
export const SEVERITY = { INFO: 9, WARN: 13, ERROR: 17 } as const;
export type SeverityText = keyof typeof SEVERITY;

/**
 * Failures that point at the tenant's own setup rather than at one user's mistake: a failed
 * Management API call, Action, SCIM request or system task. They are ERROR; other failures WARN.
 */
const ERROR_CATEGORIES: ReadonlySet<Category> = new Set(['management.fail', 'actions', 'system.notification', 'scim.event']);

/** Non-failure codes that still announce trouble (rate limits, leaked passwords, deprecations). */
const WARN_CODES: ReadonlySet<string> = new Set(['api_limit', 'api_limit_warning', 'depnote', 'pwd_leak', 'signup_pwd_leak', 'reset_pwd_leak', 'limit_sul']);
const LIMIT = /^limit_/;

/**
 * A failure: a short code starting with `f` (`f`, `fp`, `fapi`, `fcoa`…), a category ending in
 * `.fail`, or a long code that says it failed (`actions_execution_failed`, `gd_send_sms_failure`).
 */
export function isFailure(type: string, category: Category = categoryOf(type)): boolean {
  if (category.endsWith('.fail')) return true;
  if (!type.includes('_')) return type.startsWith('f');
  return /(^|_)(fail|failed|failure|error|rejected|exceed)(_|$)/.test(type);
}

export function severityOf(type: string): { number: number; text: SeverityText } {
  const category = categoryOf(type);
  let text: SeverityText = 'INFO';
  if (isFailure(type, category)) text = ERROR_CATEGORIES.has(category) ? 'ERROR' : 'WARN';
  else if (WARN_CODES.has(type) || LIMIT.test(type)) text = 'WARN';
  return { number: SEVERITY[text], text };
}
