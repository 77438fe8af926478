// Configuration of the console connector: where the lines go and whether they are human-readable.
import { operatorOnly } from '@outflow/core';
import { relativePathProblem } from './confined-file.js';
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
        z.strictObject({
          fileInRoot: z
            .string()
            .min(1, 'must not be empty')
            .max(1024)
            .superRefine((value, ctx) => {
              const problem = relativePathProblem(value);
              if (problem) ctx.addIssue({ code: 'custom', message: problem });
            })
            .describe(
              "Path of a file under the runner's egress.fileRoot folder, e.g. `acme/events.jsonl`: relative, without `..`, never through symbolic links. Needs egress.fileRoot in the runner config.",
            ),
        }),
      ])
      .default('stdout')
      .describe(
        "Where to write: `stdout`, `stderr` or `{file: <path>}` (appended to; only in the operator's config file) or `{fileInRoot: <relative path>}` (under the runner's egress.fileRoot). Default: stdout.",
      ),
    pretty: z
      .boolean()
      .default(false)
      .describe(
        'false: one `{log_id, data}` envelope per line, exactly as stored. true: one short human line per event (date, type, description, user). Default: false.',
      ),
  })
  .describe('Console (Outflow type `console`): writes delivered events to stdout, stderr or a file, for debugging and local pipelines.');
