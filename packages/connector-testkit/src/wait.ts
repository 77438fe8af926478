// Waiting in connector tests: poll a condition until it holds, with a deadline, instead of sleeping and reading.

/** Polls `check` every 10 ms until it holds; throws `what` when `timeoutMs` passes first. */
export async function eventually(check: () => boolean, timeoutMs = 5000, what = 'The condition was not met in time.'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(what);
    await new Promise((r) => setTimeout(r, 10));
  }
}
