// GET /api/v2/connectors: the installed connector types with their config JSON schema (for forms).
import type { ConnectorInfo, JsonSchema } from '@outflow/api-types';
import { configJsonSchema } from '@outflow/core';
import type { ApiDeps } from './api-deps.js';
import { sendJson } from './respond.js';
import type { Router } from './router.js';

export function addConnectorRoutes(router: Router, deps: ApiDeps): void {
  router.add('GET', '/api/v2/connectors', (req, res) => {
    deps.tokens.require(req, 'read:log_streams');
    sendJson(
      res,
      200,
      deps.registry.entries().map(
        ({ type, definition }): ConnectorInfo => ({
          type,
          displayName: definition.displayName,
          ...(definition.description ? { description: definition.description } : {}),
          limits: definition.limits,
          ...(definition.needsUnmasked ? { needsUnmasked: { fields: [...definition.needsUnmasked.fields], reason: definition.needsUnmasked.reason } } : {}),
          // zod writes the JSON Schema; JsonSchema names the parts clients read.
          schema: configJsonSchema(definition.configSchema) as JsonSchema,
        }),
      ),
    );
  });
}
