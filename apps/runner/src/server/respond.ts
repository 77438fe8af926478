// JSON answers and Auth0-shaped errors ({statusCode, error, message, errorCode}).
import { STATUS_CODES, type ServerResponse } from 'node:http';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) } : {}),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  sendJson(
    res,
    err.status,
    {
      statusCode: err.status,
      error: STATUS_CODES[err.status] ?? 'Error',
      message: err.message,
      ...(err.errorCode ? { errorCode: err.errorCode } : {}),
      ...err.extra,
    },
    err.headers,
  );
}
