// @outflow/http: the HTTP transport connectors share and the helper that builds an HTTP connector on it.
export { createHttpTransport, DEFAULT_MAX_RESPONSE_BYTES } from './transport.js';
export { leaseTransport, transportFor, type TransportLease } from './transport-for.js';
export type { HttpTransportOptions, TlsOptions } from './options.js';
export type { ProxyOption } from './proxy.js';
export { isTransportError, type HttpRequest, type HttpResponse, type HttpTransport, type TransportError } from '@outflow/core';
export { toDeliveryResult, type ClassifyOptions, type VendorClassification } from './result.js';
export { defineHttpConnector } from './define-http-connector.js';
export { CLOSE_WAIT_MS, trackInFlight, type InFlight } from '@outflow/core';
export { checkEndpoints } from './endpoints.js';
export { withIgnoredFields } from './ignored-fields.js';
export type { EncodedBatch, EncodedRequest, FollowUp, HttpConnectorSpec, RefusedEvents } from './http-connector-spec.js';
export { combineResults } from './combine.js';
export { closedError, sdkConnector, type SdkConnectorParts } from './sdk-connector.js';
export {
  createDatadogHttpLibrary,
  type DatadogHttpLibrary,
  type DatadogHttpLibraryOptions,
  type DatadogRequestContext,
  type DatadogResponseBody,
} from './adapters/datadog.js';
export { awsClientOptions, awsRequestHandler, type AwsHttpRequest, type AwsHttpResponse, type AwsRequestHandler } from './adapters/aws.js';
export { awsErrorKind, awsErrorResult, awsFailure, type AwsErrorOptions, type AwsFailure } from './adapters/aws-errors.js';
export {
  azureHttpHeaders,
  createAzureHttpClient,
  type AzureHttpClient,
  type AzureHttpHeaders,
  type AzurePipelineRequest,
  type AzurePipelineResponse,
} from './adapters/azure.js';
export {
  elasticConnectionClass,
  type ElasticBaseConnection,
  type ElasticConnectionOptions,
  type ElasticConnectionParams,
  type ElasticConnectionResponse,
} from './adapters/elastic.js';
