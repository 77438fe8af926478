// The xxhash wasm module, instantiated once per process on first use.
import xxhash from 'xxhash-wasm';

type XXHashApi = Awaited<ReturnType<typeof xxhash>>;

let api: Promise<XXHashApi> | undefined;

/** xxhash64 of a string, seed 0, as 16 hex digits. */
export type Hash64 = (text: string) => string;

export async function loadHash64(): Promise<Hash64> {
  api ??= xxhash();
  const { h64ToString } = await api;
  return (text) => h64ToString(text);
}
