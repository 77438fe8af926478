// Configuration of the console connector: where the lines go and whether they are human-readable.
import { operatorOnly } from '@outflow/core';
import { z } from 'zod';

export const consoleConfigSchema = z
  .strictObject({
    target: z
      .union([
        z.enum(['stdout', 'stderr']),
        z.strictObject({
          file: operatorOnly(z.string().min(1, 'must not be empty'), "it writes files on the runner's machine").describe(
            "Operator only (config file). Path of the file to append to; its folder is created when missing. Relative paths are resolved against the runner's working directory.",
          ),
        }),
      ])
      .default('stdout')
      .describe("Where to write: `stdout`, `stderr` or `{file: <path>}` (appended to; only in the operator's config file). Default: stdout."),
    pretty: z
      .boolean()
      .default(false)
      .describe('false: one `{log_id, data}` envelope per line, exactly as stored. true: one short human line per event (date, type, description, user). Default: false.'),
  })
  .describe('Console (Outflow type `console`): writes delivered events to stdout, stderr or a file, for debugging and local pipelines.');
