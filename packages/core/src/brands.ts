// Brands: Symbol.for keys that recognise Outflow's errors, secrets and definitions across copies of @outflow/core.

/** Global symbols, the same in every copy of core loaded into one process. */
export const BRANDS = {
  deliveryError: Symbol.for('outflow.delivery-error'),
  configError: Symbol.for('outflow.config-error'),
  egressError: Symbol.for('outflow.egress-error'),
  /** Keyed to the secret's reveal function. */
  secret: Symbol.for('outflow.secret'),
  /** Keyed to the connector API version the definition was made for. */
  connectorDefinition: Symbol.for('outflow.connector-definition'),
} as const;

/** Sets a brand as a non-enumerable, read-only property (invisible to JSON, spread and Object.keys). */
export function setBrand(target: object, key: symbol, value: unknown = true): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: false });
}

/** The value of a brand on `value`, or undefined when it carries none. */
export function brandOf(value: unknown, key: symbol): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  return (value as Record<symbol, unknown>)[key];
}
