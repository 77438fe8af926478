// The control channel: the optional store capability that tells every runner at once that a stream changed (ADR 0020).

/** A change made through some runner (or the CLI) that the stream's owner must act on. */
export type ControlMessage =
  | { op: 'created' | 'changed' | 'deleted'; streamId: string }
  /** Send the stream's dead letters again (those named, or all when `ids` is absent); only the owner does it. */
  | { op: 'redrive'; streamId: string; ids?: number[] };

/** What a subscriber hears: another store instance's messages, and `resync` after missed ones may have been lost. */
export type ControlEvent = ControlMessage | { op: 'resync' };

export interface StoreControl {
  /** Tells every other store instance on the same database; resolves once sent. */
  publish(message: ControlMessage): Promise<void>;
  /** Hears the messages of other store instances (never this one's own); returns the unsubscribe. */
  subscribe(handler: (event: ControlEvent) => void): () => void;
}
