// describeConnectorConformance: the one suite every connector runs from test/conformance.test.ts.
import type { ConnectorDefinition } from '@outflow/core';
import { describe } from 'vitest';
import { describeConfig } from './config.js';
import { describeDelivery } from './delivery.js';
import { describeEgress } from './egress.js';
import { harnessFactory } from './harness.js';
import { describeLifecycle } from './lifecycle.js';
import { describeLogging } from './logging.js';
import { describeManifest } from './manifest.js';
import { describeNetwork } from './network.js';
import { resolveOptions, type ConformanceOptions } from './options.js';
import { describeStatusTable } from './status-table.js';

export function describeConnectorConformance<C>(definition: ConnectorDefinition<C>, options: ConformanceOptions): void {
  const resolved = resolveOptions(options, definition.limits.maxEvents);
  describe(`connector conformance: ${definition.type}`, () => {
    const open = harnessFactory(definition, resolved);
    describeManifest(definition as ConnectorDefinition<unknown>, resolved.packageDir);
    describeConfig(definition, resolved);
    describeDelivery(definition, resolved, open);
    if (resolved.http) {
      describeStatusTable(resolved, open);
      describeNetwork(resolved, open);
    }
    describeEgress(resolved, open);
    describeLifecycle(resolved, open);
    describeLogging(resolved, open);
  });
}

export type { ConformanceOptions, ExpectedClass, PartialFailureScenario } from './options.js';
export { manifestProblems, limitsProblems } from './manifest.js';
export { deliveryResultProblems, healthResultProblems, DEFAULT_STATUS_TABLE, statusTable, type StatusRow } from './results.js';
export { findSecretLeaks } from './leaks.js';
export { logMessageProblems } from './logging.js';
