// Public types of the `outflow streams …` CLI: its I/O and the API client; the API's answers it reads come from @outflow/api-types.
export type {
  DeadLetterView,
  FieldIssue,
  HealthRecordView,
  PreviewAnswer,
  RedriveAnswer,
  ReplayAnswer,
  RunnersView,
  RunnerView,
  StatsBucketView,
  StreamHealthView,
  StreamStatsView,
  StreamView,
  TestAnswer,
} from '@outflow/api-types';

/** Where a CLI command writes and what it knows about its terminal (injected so tests capture it). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal: tables then get colour (unless NO_COLOR is set). */
  color: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal: `top` then refreshes in place (colour aside). */
  tty?: boolean | undefined;
  /** Asks a yes/no question on the terminal; undefined when stdin is not a terminal. */
  confirm?: ((question: string) => Promise<boolean>) | undefined;
}

export interface ApiClientOptions {
  url: string;
  token: string;
  /** Per-request time limit (ms). */
  timeoutMs?: number;
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A client of the runner's management API; every non-2xx answer rejects with an ApiError. */
export interface ApiClient {
  /** The base URL as shown to the user (without any credentials). */
  readonly url: string;
  request<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiAnswer<T>>;
  /** GETs a server-sent-events path; resolves with the body once the answer is 200 (else rejects with an ApiError). */
  openStream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
}

/** What a `streams` sub-command gets to run with. */
export interface CommandContext {
  io: CliIo;
  /** --json: print the API's JSON instead of readable text. */
  json: boolean;
  /** The API client, made on first use so help and usage errors need no token. */
  api(): ApiClient;
  /** Prints `body` as JSON with --json, else the readable text. */
  show(body: unknown, readable: () => string): void;
}

/** One `streams` sub-command: its own flags (beyond the shared ones) and what it does; resolves the exit code. */
export interface StreamsCommand {
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }, ctx: CommandContext): Promise<number>;
}
