// Dead letters of a stream: the list (GET /{id}/dead-letters) and the redrive answer (POST /{id}/dead-letters/redrive).

/** An event the destination refused for good, with the reason. */
export interface DeadLetterView {
  id: number;
  log_id: string;
  type: string;
  seq: number;
  /** ISO date. */
  at: string;
  errorKind: string;
  /** HTTP status the destination answered, when there was one. */
  status?: number;
  message: string;
  /** The envelope `{log_id, data}` as it was sent (PII settings applied). */
  event: unknown;
}

/** How many dead letters were queued to be sent again. */
export interface RedriveAnswer {
  redriving: number;
}
