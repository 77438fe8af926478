// Reads at most `cap` bytes of a response body for error excerpts, then drops the rest.
/** A body cut short (abort, reset) still yields what arrived: the status decides the outcome. */
export async function readExcerpt(
  stream: AsyncIterable<Buffer> & { destroy(): void; destroyed?: boolean; readableEnded?: boolean },
  cap = 64 * 1024,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk.subarray(0, Math.max(0, cap - size)));
      size += chunk.length;
      if (size >= cap) break;
    }
  } catch {
    // The status line already arrived; the excerpt is best effort.
  } finally {
    if (!stream.destroyed && !stream.readableEnded) stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}
