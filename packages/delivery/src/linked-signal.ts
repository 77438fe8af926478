// A signal that aborts with any of its parents and detaches from them when disposed (no AbortSignal.any leak).
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** Removes the listeners from the parents; call when the operation ends. */
  dispose(): void;
}

export function linkSignals(...parents: AbortSignal[]): LinkedSignal {
  const controller = new AbortController();
  const attached: Array<[AbortSignal, () => void]> = [];
  const dispose = () => {
    for (const [parent, listener] of attached) parent.removeEventListener('abort', listener);
    attached.length = 0;
  };
  for (const parent of parents) {
    if (parent.aborted) {
      controller.abort(parent.reason);
      dispose();
      break;
    }
    const listener = () => {
      controller.abort(parent.reason);
      dispose();
    };
    parent.addEventListener('abort', listener, { once: true });
    attached.push([parent, listener]);
  }
  return { signal: controller.signal, dispose };
}
