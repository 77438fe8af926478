// Dependency-injection tokens of the runner's composition root (the only place they are defined).
export const Tokens = {
  Config: Symbol('outflow.Config'),
  Logger: Symbol('outflow.Logger'),
  /** Time and timers of the whole runner (tests register a manual clock). */
  Clock: Symbol('outflow.Clock'),
  /** The DNS lookup behind the egress guard's connect-time check (tests register a fake resolver). */
  DnsLookup: Symbol('outflow.DnsLookup'),
  Egress: Symbol('outflow.Egress'),
  /** The runner's one HTTP transport: a keep-alive pool behind the egress guard, every connector's `ctx.http`. */
  HttpTransport: Symbol('outflow.HttpTransport'),
  /** `(stream) => openStreamConnector(deps, stream)` bound to the runner's deps. */
  OpenConnector: Symbol('outflow.OpenConnector'),
  ConnectorRegistry: Symbol('outflow.ConnectorRegistry'),
  Store: Symbol('outflow.Store'),
  TokenIndex: Symbol('outflow.TokenIndex'),
  Supervisor: Symbol('outflow.Supervisor'),
  ParsePool: Symbol('outflow.ParsePool'),
  HttpServer: Symbol('outflow.HttpServer'),
  /** Live tails: delivery's observer and the tail route's hub. */
  TailHub: Symbol('outflow.TailHub'),
  /** The runner's readiness (/readyz). */
  Readiness: Symbol('outflow.Readiness'),
  /** The Prometheus metrics, or null when server.metrics is off. */
  Metrics: Symbol('outflow.Metrics'),
  /** /livez, /readyz and the metrics path. */
  OpsHandler: Symbol('outflow.OpsHandler'),
} as const;
