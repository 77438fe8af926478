// A 2xx with partialSuccess: accepted, nothing is resent (OTLP); all rejected → dead letters, some → a warning.
import { redactText, type DeliveryResult, type HttpResponse, type Logger } from '@outflow/core';
import { partialSuccessOf, type PartialSuccess } from './response.js';

const partialOf = (response: HttpResponse): PartialSuccess | undefined => partialSuccessOf(response.body, [response.headers['content-type']].flat()[0]);

/**
 * OTLP's partialSuccess says how many records were rejected, not which. When it rejects every
 * record of the request, all are failed, not retryable (the platform dead-letters them); any other
 * 2xx is left to the default reading (success), then to `warnOnPartialSuccess`.
 */
export function allRejected(response: HttpResponse, events: number, secrets: readonly string[]): DeliveryResult | undefined {
  if (response.status < 200 || response.status >= 300 || events === 0) return undefined;
  const partial = partialOf(response);
  if (!partial || partial.rejected < events) return undefined;
  const said = redactText(partial.message.slice(0, 300), secrets);
  const reason = `The OTLP receiver rejected every log record of the request${said ? `: ${said}` : '.'}`;
  return { status: 'partial', failed: Array.from({ length: events }, (_, index) => ({ index, retryable: false, reason, status: response.status })) };
}

/**
 * Some records rejected (or a warning with none): the receiver kept the rest and OTLP forbids
 * resending, so the batch counts as delivered and the connector logs a warning with the count and message.
 */
export function warnOnPartialSuccess(response: HttpResponse, logger: Logger, secrets: readonly string[]): DeliveryResult {
  const partial = partialOf(response);
  if (partial) {
    const errorMessage = redactText(partial.message.slice(0, 300), secrets) || undefined;
    logger.warn(
      { rejected: partial.rejected, errorMessage },
      partial.rejected > 0
        ? 'The OTLP receiver accepted the batch but rejected some log records; OTLP does not say which, so none is resent.'
        : 'The OTLP receiver accepted the batch with a warning.',
    );
  }
  return { status: 'success' };
}
