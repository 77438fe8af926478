// The runner's configuration schema (outflow.yaml): the single source for validation and docs.
import { CATEGORIES, CONTENT_FORMATS, PII_FIELDS, parseDuration, secret } from '@outflow/core';
import { DELIVERY_DEFAULTS } from '@outflow/delivery';
import { z } from 'zod';

/** Delivery's defaults are defined once, in delivery; the `delivery:` block and `retention` take theirs from it. */
const D = DELIVERY_DEFAULTS;

export const SCOPES = ['ingest:logs', 'read:log_streams', 'create:log_streams', 'update:log_streams', 'delete:log_streams'] as const;
export type Scope = (typeof SCOPES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const duration = (fallback: string | number) =>
  z
    .union([z.string(), z.number()])
    .default(fallback)
    .transform((v, ctx) => {
      try {
        return parseDuration(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    });

const bytes = (fallback: number) =>
  z
    .union([z.number().int().positive(), z.string().regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i, 'expected a size such as 5MB or 1048576')])
    .default(fallback)
    .transform((v) => {
      if (typeof v === 'number') return v;
      const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(v) as RegExpExecArray;
      const unit = (m[2] ?? '').toLowerCase();
      const mult = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1;
      return Math.round(Number(m[1]) * mult);
    });

/** A duration that must be more than zero (a timeout that cannot be turned off). */
const positiveDuration = (fallback: string) => duration(fallback).refine((ms) => ms > 0, 'must be more than 0');

/** A request budget of one token: a bucket of `burst` requests refilled at `requestsPerMinute`; false or 0 turns it off. */
export const rateBudgetSchema = z.union([
  z.literal(false),
  z
    .object({
      requestsPerMinute: z.number().int().min(0).describe('Sustained requests per minute; 0 turns the limit off.'),
      burst: z.number().int().min(1).optional().describe("Requests allowed at once (the bucket size); default ten seconds' worth."),
    })
    .strict(),
]);

const rateLimitsSchema = z
  .object({
    management: rateBudgetSchema.default({ requestsPerMinute: 1200, burst: 200 }).describe('Budget of each token on /api/*.'),
    ingest: rateBudgetSchema.default({ requestsPerMinute: 30_000, burst: 1000 }).describe('Budget of each token on POST /v1/logs.'),
  })
  .strict();

/** A YAML key with nothing after it (`streams:`) means an empty list. */
const emptyAsList = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? [] : v), schema);

export const filterSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('category'), name: z.enum(CATEGORIES) }).strict(),
  z.object({ type: z.literal('type'), name: z.string().min(1).max(100) }).strict(),
]);

export const piiConfigSchema = z
  .object({
    log_fields: z.array(z.enum(PII_FIELDS)).min(1),
    method: z.enum(['mask', 'hash']),
    algorithm: z.literal('xxhash').default('xxhash'),
  })
  .strict();

export const streamConfigSchema = z
  .object({
    name: z.string().min(1).max(128).describe('Unique name of the stream within its tenant.'),
    type: z.string().min(1).describe('Connector type, e.g. http, console, datadog.'),
    tenant: z.string().min(1).default('default').describe('Tenant whose events the stream delivers.'),
    status: z.enum(['active', 'paused']).optional().describe('Initial status; later changes through the API are kept.'),
    sink: z.record(z.string(), z.unknown()).default({}).describe('Destination settings, validated by the connector.'),
    filters: z.array(filterSchema).default([]),
    pii_config: piiConfigSchema.optional(),
    isPriority: z.boolean().default(false),
    startFrom: z.iso.datetime({ offset: true }).optional().describe('ISO date to start from when the stream is first created.'),
  })
  .strict();

const sqliteStoreSchema = z
  .object({
    path: z.string().min(1).default('./data/outflow.db'),
    fsync: z.boolean().default(false).describe('fsync each commit (power-loss safe); kill -9 safety needs no fsync.'),
    cacheBytes: bytes(32 * 1024 * 1024).describe('Recently written or read event batches kept in memory for delivery.'),
  })
  .strict();

const postgresStoreSchema = z
  .object({
    url: secret('Connection URL, e.g. ${OUTFLOW_PG_URL}; its password is never logged or shown.'),
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be 1-63 lower-case letters, digits or '_', not starting with a digit")
      .default('outflow')
      .describe('Schema holding the tables (created when missing); runners sharing a log use the same one.'),
    poolSize: z.number().int().min(1).max(100).default(10).describe('Connections per runner (one more is kept for LISTEN).'),
  })
  .strict();

/** Exactly one store: the embedded SQLite (default) or a PostgreSQL shared by several runners. */
const storeSchema = z
  .object({
    sqlite: sqliteStoreSchema.optional().describe('The embedded store: a SQLite index and segment files on this machine.'),
    postgres: postgresStoreSchema.optional().describe('A PostgreSQL store that several runners can share.'),
  })
  .strict()
  .refine((s) => (s.sqlite === undefined) !== (s.postgres === undefined), {
    message: 'set exactly one of store.sqlite and store.postgres',
  })
  .prefault({ sqlite: {} });

export type StoreConfig = z.output<typeof storeSchema>;

export const runnerConfigSchema = z
  .object({
    server: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        maxBodyBytes: bytes(5 * 1024 * 1024).describe('Largest accepted ingest body (413 above).'),
        maxEventsPerRequest: z.number().int().positive().default(10_000),
        parseThreads: z
          .union([z.literal('auto'), z.number().int().min(0).max(16)])
          .default('auto')
          .describe('Worker threads that parse ingest bodies; 0 parses on the main thread; auto uses one per extra core (at most 4).'),
        rateLimit: z
          .union([z.literal(false), rateLimitsSchema])
          .prefault({})
          .describe('Per-token request budgets; false turns rate limiting off.'),
        tokenCacheTtl: duration('5s').describe('How long a runner caches a minted token lookup; revocations take effect within this time.'),
        dashboard: z.boolean().default(true).describe('Serve the web dashboard at `/` (its files need no token; its API calls do).'),
        requestTimeout: positiveDuration('30s').describe('Time to receive a whole request, headers and body; slower clients get 408 and are disconnected.'),
        headersTimeout: positiveDuration('10s').describe("Time to receive a request's headers (408 after); at most requestTimeout."),
        keepAliveTimeout: positiveDuration('65s').describe('How long an idle keep-alive connection is kept open.'),
        maxConnections: z.number().int().min(1).default(1024).describe('Open connections at most; further ones are closed at once.'),
        metrics: z
          .object({
            enabled: z.boolean().default(false).describe('Serve Prometheus metrics (and /livez, /readyz on the metrics port when it has its own).'),
            path: z
              .string()
              .regex(/^\/[^?#\s]*$/, "must be a path starting with '/'")
              .default('/metrics')
              .describe('Where the metrics are served.'),
            port: z
              .number()
              .int()
              .min(0)
              .max(65535)
              .optional()
              .describe('Serve metrics, /livez and /readyz on their own port (on server.host); unset: on server.port.'),
            token: secret('A bearer token scrapers must send (401 without it); unset: no token needed.').optional(),
          })
          .strict()
          .prefault({})
          .describe('Prometheus metrics of ingest, delivery, the store and the process.'),
      })
      .strict()
      .superRefine((s, ctx) => {
        const m = s.metrics;
        if (m.port !== undefined && m.port !== 0 && m.port === s.port) {
          ctx.addIssue({ code: 'custom', path: ['metrics', 'port'], message: `must differ from server.port (${s.port}), or be unset to serve metrics there` });
        }
        if (/^\/(api|v1)(\/|$)/.test(m.path) || ['/livez', '/readyz', '/health'].includes(m.path.replace(/\/$/, ''))) {
          ctx.addIssue({ code: 'custom', path: ['metrics', 'path'], message: `must not be an API or probe path (${m.path})` });
        }
        if (s.requestTimeout <= 0 || s.headersTimeout <= s.requestTimeout) return;
        ctx.addIssue({
          code: 'custom',
          path: ['headersTimeout'],
          message: `must be at most server.requestTimeout (${s.headersTimeout} ms > ${s.requestTimeout} ms)`,
        });
      })
      .prefault({}),
    store: storeSchema,
    retention: duration(D.retention),
    tokens: emptyAsList(
      z.array(
        z
          .object({
            token: z.string().min(8, 'must be at least 8 characters'),
            tenant: z.string().min(1),
            scopes: z.array(z.enum(SCOPES)).min(1),
            rateLimit: z
              .union([z.literal(false), z.object({ management: rateBudgetSchema.optional(), ingest: rateBudgetSchema.optional() }).strict()])
              .optional()
              .describe('Overrides server.rateLimit for this token; false exempts it.'),
          })
          .strict(),
      ),
    ).default([]),
    egress: z
      .object({
        allowHttp: z.boolean().default(false),
        allowPrivateNetworks: z.boolean().default(false),
        fileRoot: z
          .string()
          .min(1)
          .optional()
          .describe(
            'Folder under which console streams created through the API may write (`target: {fileInRoot: <relative path>}`); relative to the config file. Unset: no file output for API streams.',
          ),
        proxy: z
          .object({
            url: z
              .string()
              .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// proxy URL')
              .describe(
                'The proxy every connector request goes through (CONNECT for https destinations); may carry credentials (http://user:pass@host:3128), which are never logged.',
              ),
            noProxy: z.array(z.string().min(1)).optional().describe('Host names that bypass the proxy: `example.com` covers its subdomains, `*` every host.'),
          })
          .strict()
          .optional()
          .describe('Outbound proxy of the HTTP transport. Unset: HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment apply.'),
      })
      .strict()
      .prefault({}),
    connectors: z.array(z.string().min(1)).optional().describe('Connector packages to load; the built-ins when omitted.'),
    delivery: z
      .object({
        attemptsPerRound: z.number().int().min(1).max(20).default(D.attemptsPerRound),
        attemptBackoff: z
          .object({ initial: duration(D.attemptBackoff.initial), max: duration(D.attemptBackoff.max) })
          .strict()
          .prefault({}),
        maxRetryAfter: duration(D.maxRetryAfter),
        roundBackoff: z
          .object({
            initial: duration(D.roundBackoff.initial),
            multiplier: z.number().min(1).default(D.roundBackoff.multiplier),
            max: duration(D.roundBackoff.max),
          })
          .strict()
          .prefault({}),
        suspendAfter: duration(D.suspendAfter),
        retentionCheckInterval: duration(D.retentionCheckInterval),
        healthRetention: duration(D.healthRetention),
        attemptTimeout: duration(D.attemptTimeout),
        concurrency: z
          .number()
          .int()
          .min(1)
          .max(16)
          .default(D.concurrency)
          .describe('Requests in flight per stream; the cursor still advances in order. 1 keeps delivery in log order.'),
        maxInflightBytes: bytes(D.maxInflightBytes).describe(
          'Bytes of batches in flight across all streams above which no stream starts another read (reads already started may add one batch each).',
        ),
        maxInflightBatches: z
          .number()
          .int()
          .positive()
          .default(D.maxInflightBatches)
          .describe('Batches being read or sent across all streams before workers wait.'),
        batch: z
          .object({ maxEvents: z.number().int().positive().default(D.batch.maxEvents), maxBytes: bytes(D.batch.maxBytes) })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    cluster: z
      .object({
        runnerId: z
          .string()
          .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits and . _ : - only')
          .optional()
          .describe("This runner's name in the membership table and the outflow-runner request header; default host-pid-random."),
        heartbeatInterval: duration('2s').describe('Between lease heartbeats (PostgreSQL store only).'),
        leaseTtl: duration('10s').describe("A lease lapses this long after its last heartbeat; a killed runner's streams move within about this time."),
        stopMargin: duration('2s').describe('Without a successful heartbeat, workers stop this long before their leases could lapse.'),
      })
      .strict()
      .refine((c) => c.heartbeatInterval + c.stopMargin < c.leaseTtl, 'heartbeatInterval + stopMargin must be shorter than leaseTtl')
      .prefault({})
      .describe('Several runners on one PostgreSQL store share the streams through leases (ADR 0019).'),
    log: z
      .object({
        level: z.enum(LOG_LEVELS).default('info').describe('Least severe level written; changes on reload.'),
        format: z.enum(['json', 'pretty']).default('json').describe('json: one object a line; pretty: a readable line for people.'),
        file: z.string().min(1).optional().describe('File the logs are appended to (relative to the config file); unset, logs go to stderr.'),
      })
      .strict()
      .prefault({}),
    streams: emptyAsList(z.array(streamConfigSchema)).default([]),
  })
  .strict();

export type RunnerConfig = z.output<typeof runnerConfigSchema>;
export type StreamConfig = z.output<typeof streamConfigSchema>;
export type RateBudget = z.output<typeof rateBudgetSchema>;
export type TokenConfig = RunnerConfig['tokens'][number];
