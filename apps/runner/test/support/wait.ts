// Polls a condition until it holds or the time is up (for end-to-end tests against real servers).
export async function eventually(check: () => boolean, timeoutMs = 20_000, what = 'The condition was not met in time.'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(what);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Reads state that is updated asynchronously until `ok` holds or the time is up, and returns the last
 * value read either way: the test then asserts on it, so a timeout fails showing what was there.
 */
export async function readUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}
