// The Node flags the runner is meant to start with: they bound its memory at no measured CPU cost.

/**
 * V8 flags: semi-spaces of 4 MB instead of up to 16 MB, so the young generation holds less
 * garbage between scavenges (the runner's allocation rate otherwise grows it to the maximum).
 */
export const RUNNER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/** The flags above this process was started without (empty when all are set, on the command line or in NODE_OPTIONS). */
export function missingMemorySettings(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): string[] {
  const options = (env.NODE_OPTIONS ?? '').split(/\s+/);
  return RUNNER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag) && !options.includes(flag));
}
