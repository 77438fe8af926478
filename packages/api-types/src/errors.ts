// The management API's error answer, in Auth0's shape.

/** One bad field of a request: its path (`sink.httpEndpoint`, `filters[0].name`) and what is wrong. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  statusCode: number;
  /** The HTTP reason phrase. */
  error: string;
  message: string;
  errorCode?: string;
  /** Each bad field, when a body failed validation. */
  errors?: FieldIssue[];
}
