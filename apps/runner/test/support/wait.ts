// Polls a condition until it holds or the time is up (for end-to-end tests against real servers).
export async function eventually(check: () => boolean, timeoutMs = 20_000, what = 'The condition was not met in time.'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(what);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Like `eventually`, for a check that has to await (a store read); resolves with the value that passed. */
export async function eventuallyAsync<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000, what = 'The condition was not met in time.'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > until) throw new Error(what);
    await new Promise((r) => setTimeout(r, 20));
  }
}
