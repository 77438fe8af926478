// The exit codes of `outflow` (documented in the README's "Exit codes").
export const EXIT = {
  ok: 0,
  /** The config file is missing, unreadable or invalid; a probe or a command failed. */
  failed: 1,
  /** Unknown command or option, or a bad option value. */
  usage: 2,
  /** `start` could not listen: the port is in use or the address is not on this machine. */
  cannotListen: 3,
  /** A package of the runner is not built (run the build). */
  notBuilt: 4,
} as const;
