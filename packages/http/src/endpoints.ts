// Checks a connector's destination URLs against the egress policy at create, naming the config field of a refused one.
import { ConfigError, type ConnectorContext } from '@outflow/core';

/** Throws a ConfigError naming the field (`path`) of the first URL the egress policy refuses; undefined URLs are skipped. */
export function checkEndpoints(ctx: Pick<ConnectorContext, 'egress'>, endpoints: Record<string, string | undefined>): void {
  for (const [path, url] of Object.entries(endpoints)) {
    if (url === undefined) continue;
    try {
      ctx.egress.checkUrl(url);
    } catch (err) {
      throw new ConfigError('The destination is not allowed by the egress policy.', [{ path, message: (err as Error).message }]);
    }
  }
}
