// The official Datadog client, loaded on first use, and one configured client per call (base URL, key, signal, no retries).
import type * as DatadogSdk from '@datadog/datadog-api-client';
import type { v1, v2 } from '@datadog/datadog-api-client';
import { createHttpLibrary, type Agents, type Answer } from './http-library.js';

type Sdk = typeof DatadogSdk;

let loading: Promise<Sdk> | undefined;

/**
 * The SDK takes seconds to load (every API model of v1 and v2), so it is imported on the first
 * send or healthcheck rather than when the runner loads its connectors.
 */
export function loadSdk(): Promise<Sdk> {
  loading ??= import('@datadog/datadog-api-client').catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** Rejects with an `ABORT_ERR` as soon as the signal aborts, else settles like `work`. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = () => Object.assign(new Error('The request was aborted.', { cause: signal.reason }), { code: 'ABORT_ERR' });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

export interface CallOptions {
  /** Base URL without a trailing slash; the SDK appends the operation's path. */
  baseUrl: string;
  apiKey: string;
  agents: Agents;
  signal: AbortSignal;
}

/** One SDK call's clients, and the raw answer the call got (if it got one). */
export interface DatadogCall {
  logs: v2.LogsApi;
  auth: v1.AuthenticationApi;
  answer(): Answer | undefined;
}

export function openCall(sdk: Sdk, options: CallOptions): DatadogCall {
  let answer: Answer | undefined;
  const httpApi = createHttpLibrary(sdk.client.ResponseContext, options.agents, (a) => (answer = a));
  const configuration = sdk.client.createConfiguration({
    baseServer: new sdk.client.BaseServerConfiguration(options.baseUrl, {}),
    authMethods: { apiKeyAuth: options.apiKey },
    httpApi,
    httpConfig: { compress: false, signal: options.signal },
    enableRetry: false,
  });
  return { logs: new sdk.v2.LogsApi(configuration), auth: new sdk.v1.AuthenticationApi(configuration), answer: () => answer };
}
