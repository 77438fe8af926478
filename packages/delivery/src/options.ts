// Delivery's defaults (the one definition; the runner's config schema takes its defaults from it) and option merging.
import type { DeliveryOptions, DeliveryOptionsInput } from './types.js';

const DAY = 86_400_000;

/** The defaults of every delivery option; `outflow.yaml`'s `delivery:` block defaults to these. */
export const DELIVERY_DEFAULTS: Readonly<DeliveryOptions> = Object.freeze({
  attemptsPerRound: 3,
  attemptBackoff: { initial: 1000, max: 10_000, jitter: 'full' as const },
  maxRetryAfter: 300_000,
  roundBackoff: { initial: 30_000, multiplier: 2, max: 600_000 },
  suspendAfter: 7 * DAY,
  retention: 30 * DAY,
  retentionCheckInterval: 3_600_000,
  healthRetention: 30 * DAY,
  batch: { maxEvents: 500, maxBytes: 4 * 1024 * 1024 },
  attemptTimeout: 30_000,
  concurrency: 2,
  maxInflightBytes: 32 * 1024 * 1024,
  maxInflightBatches: 128,
});

const defined = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

function positive(name: string, value: number, min = 0): number {
  if (!Number.isFinite(value) || value < min) throw new RangeError(`Delivery option ${name} must be a number >= ${min}, got ${value}.`);
  return value;
}

/** Fills in defaults (nested objects field by field) and checks the values. */
export function resolveOptions(input: DeliveryOptionsInput = {}): DeliveryOptions {
  const d = DELIVERY_DEFAULTS;
  const o = defined(input);
  const out: DeliveryOptions = {
    ...d,
    ...(o as Partial<DeliveryOptions>),
    attemptBackoff: { ...d.attemptBackoff, ...defined(o.attemptBackoff) },
    roundBackoff: { ...d.roundBackoff, ...defined(o.roundBackoff) },
    batch: { ...d.batch, ...defined(o.batch) },
  };
  positive('attemptsPerRound', out.attemptsPerRound, 1);
  positive('concurrency', out.concurrency, 1);
  positive('maxInflightBytes', out.maxInflightBytes, 1);
  positive('maxInflightBatches', out.maxInflightBatches, 1);
  positive('roundBackoff.multiplier', out.roundBackoff.multiplier, 1);
  positive('batch.maxEvents', out.batch.maxEvents, 1);
  positive('batch.maxBytes', out.batch.maxBytes, 1);
  for (const key of ['maxRetryAfter', 'suspendAfter', 'retention', 'healthRetention', 'attemptTimeout'] as const) positive(key, out[key]);
  positive('retentionCheckInterval', out.retentionCheckInterval, 1);
  out.attemptsPerRound = Math.floor(out.attemptsPerRound);
  out.concurrency = Math.floor(out.concurrency);
  return out;
}
