// The Node flags and glibc malloc settings the runner is meant to start with: they bound its memory with many streams.

/**
 * V8 flags: semi-spaces of 4 MB instead of up to 16 MB, so the young generation holds less
 * garbage between scavenges (the runner's allocation rate otherwise grows it to the maximum).
 */
export const RUNNER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * glibc malloc settings, read only when a process starts. Batch buffers (hundreds of KB, freed
 * out of order) then come from their own mappings returned on free, instead of fragmenting the
 * main heap, which only ever shrinks from its top; two arenas serve the worker threads.
 */
export const RUNNER_MALLOC_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '262144',
  MALLOC_TRIM_THRESHOLD_: '4194304',
};

/** The settings above this process was started without, as `NAME=value` or `--flag` (empty when all are set). */
export function missingMemorySettings(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): string[] {
  const missing = RUNNER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag) && !(env.NODE_OPTIONS ?? '').split(/\s+/).includes(flag));
  for (const [name, value] of Object.entries(RUNNER_MALLOC_ENV)) if (env[name] === undefined) missing.push(`${name}=${value}`);
  return missing;
}
