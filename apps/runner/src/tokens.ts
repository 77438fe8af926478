// Dependency-injection tokens of the runner's composition root (the only place they are defined).
export const Tokens = {
  Config: Symbol('outflow.Config'),
  Logger: Symbol('outflow.Logger'),
  Clock: Symbol('outflow.Clock'),
  Egress: Symbol('outflow.Egress'),
  ConnectorRegistry: Symbol('outflow.ConnectorRegistry'),
  Store: Symbol('outflow.Store'),
  TokenIndex: Symbol('outflow.TokenIndex'),
  Supervisor: Symbol('outflow.Supervisor'),
  ParsePool: Symbol('outflow.ParsePool'),
  HttpServer: Symbol('outflow.HttpServer'),
} as const;
