// Reads what the SDK's send gave: nothing (accepted), a RestError with Azure's answer, a transport error, or a refusal before sending.
import { DeliveryError, isTransportError, redactText, type DeliveryResult, type HttpResponse } from '@outflow/core';
import { toDeliveryResult, type VendorClassification } from '@outflow/http';

/** What the connector reads of @azure/core-rest-pipeline's RestError (typed structurally). */
interface RestErrorLike {
  name: string;
  message: string;
  code?: string;
  statusCode?: number;
  response?: { status: number; headers: { toJSON(): Record<string, string> }; bodyAsText?: string | null };
}

const isRestError = (e: unknown): e is RestErrorLike => e instanceof Error && e.name === 'RestError';

/** Azure's error body: `{"error": {"code", "message", "details": [{code, message}]}}`. */
function azureError(text: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: Array<{ code?: unknown }> } };
    const e = parsed.error;
    const detail = e?.details?.find((d) => typeof d.code === 'string')?.code;
    return {
      ...(typeof e?.code === 'string' ? { code: detail ? `${e.code}/${String(detail)}` : e.code } : {}),
      ...(typeof e?.message === 'string' ? { message: e.message } : {}),
    };
  } catch {
    return {};
  }
}

/** What Event Grid's statuses mean beyond the generic table: a 404 is a topic (or channel) that does not exist. */
const WHAT: Record<number, string> = {
  400: 'Event Grid refused the events as invalid (HTTP 400)',
  401: 'Event Grid refused the access key or SAS token (HTTP 401)',
  403: 'Event Grid refused the request (HTTP 403: the key lacks access, or the topic blocks this network)',
  404: 'Event Grid has no such topic or channel (HTTP 404): check the endpoint and channelName',
  413: 'Event Grid refused the request as larger than 1 MB (HTTP 413)',
};

/** Event Grid's reading: a 404 is `config`; the Azure error code and message are added to the generic result. */
export const classifyAnswer: VendorClassification = (response, text, _events, { secrets, now }) => {
  if (response.status >= 200 && response.status < 300) return { status: 'success' };
  const base = toDeliveryResult(response, { secrets, now });
  if (base.status !== 'permanent' && base.status !== 'retryable') return base;
  const azure = azureError(text);
  const kind = response.status === 404 ? 'config' : base.error.kind;
  const what = WHAT[response.status] ?? base.error.message.replace(/\.$/, '');
  const said = azure.message ? `: ${redactText(azure.message, secrets).slice(0, 300).replace(/\.+$/, '')}` : '';
  const error = new DeliveryError(kind, `${what}${azure.code ? ` [${azure.code}]` : ''}${said}.`, { ...base.error.details, vendorCode: azure.code });
  return base.status === 'permanent' ? { status: 'permanent', error } : { status: 'retryable', error, retryAfterMs: base.retryAfterMs };
};

/** The HTTP answer a RestError carries, in the transport's shape. */
function responseOf(err: RestErrorLike): HttpResponse | undefined {
  const status = err.response?.status ?? err.statusCode;
  if (status === undefined) return undefined;
  const headers = err.response?.headers.toJSON() ?? {};
  return { status, headers, body: Buffer.from(err.response?.bodyAsText ?? ''), truncated: false };
}

/** The result of one SDK `send`: `undefined` when it resolved, else what it threw. */
export function sendOutcome(thrown: unknown, context: { secrets: readonly string[]; now: number }): DeliveryResult {
  if (thrown === undefined) return { status: 'success' };
  if (isTransportError(thrown)) return toDeliveryResult(thrown, context);
  const response = isRestError(thrown) ? responseOf(thrown) : undefined;
  if (response) return toDeliveryResult(response, { ...context, classify: classifyAnswer });
  // A RestError without an answer is a network failure the pipeline wrapped; AbortError is the pipeline seeing the signal.
  const message = redactText(thrown instanceof Error ? thrown.message : String(thrown), context.secrets);
  if (thrown instanceof Error && (thrown.name === 'RestError' || thrown.name === 'AbortError'))
    return {
      status: 'retryable',
      error: new DeliveryError('transient', `The request to Event Grid failed: ${message}`, { vendorCode: (thrown as RestErrorLike).code }),
    };
  return { status: 'permanent', error: new DeliveryError('invalid', `The Event Grid SDK refused the events before sending: ${message}`) };
}
