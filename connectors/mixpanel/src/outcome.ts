// Mixpanel's answers: a strict 400 naming failed_records is partial (the other events were imported); the rest is the generic table.
import { redactText, type DeliveryResult, type HttpResponse, type ItemFailure } from '@outflow/core';

/** Mixpanel's validation answer (docs spell the id `$insert_id`, the OpenAPI schema `insert_id`). */
interface StrictInvalid {
  num_records_imported?: unknown;
  failed_records?: Array<{ index?: unknown; $insert_id?: unknown; insert_id?: unknown; field?: unknown; message?: unknown }>;
}

const text = (v: unknown, max = 300): string | undefined => (typeof v === 'string' && v ? v.slice(0, max) : undefined);

/**
 * A 400 listing `failed_records`: those events are refused for good (Mixpanel: "do not retry
 * validation errors") and every other event of the request was imported, so the result is
 * `partial` with the failed indices, never retryable. Indices outside the request are ignored; a
 * 400 naming none (e.g. a body that is not JSON) is left to the generic table (permanent, split).
 */
export function classifyImport(response: HttpResponse, body: string, events: number, context: { secrets: readonly string[] }): DeliveryResult | undefined {
  if (response.status !== 400) return undefined;
  let parsed: StrictInvalid;
  try {
    parsed = JSON.parse(body) as StrictInvalid;
  } catch {
    return undefined;
  }
  const failed: ItemFailure[] = [];
  for (const record of Array.isArray(parsed?.failed_records) ? parsed.failed_records : []) {
    const index = record?.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= events) continue;
    if (failed.some((f) => f.index === index)) continue;
    const field = text(record.field, 255);
    const message = text(record.message) ?? 'failed validation';
    const reason = `Mixpanel refused the event${field ? ` (${field})` : ''}: ${message}`;
    failed.push({ index, retryable: false, status: 400, reason: redactText(reason, context.secrets) });
  }
  return failed.length ? { status: 'partial', failed } : undefined;
}
