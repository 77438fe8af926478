// The console connector definition: schema, limits and factory.
import { defineConnector } from '@outflow/core';
import { consoleConfigSchema } from './config.js';
import { createConsole } from './console.js';

const MiB = 1024 * 1024;

export const consoleConnector = defineConnector({
  type: 'console',
  displayName: 'Console',
  description: 'Writes delivered events as JSON lines (or short human lines) to stdout, stderr or a file.',
  configSchema: consoleConfigSchema,
  limits: { maxEvents: 5000, maxBytes: 8 * MiB, maxEventBytes: 1 * MiB },
  create: createConsole,
});
