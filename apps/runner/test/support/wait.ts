// Polls a condition until it holds or the time is up (for end-to-end tests against real servers).
export async function eventually(check: () => boolean, timeoutMs = 20_000, what = 'The condition was not met in time.'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(what);
    await new Promise((r) => setTimeout(r, 20));
  }
}
