// Reads an ingest body sent with a Content-Encoding (gzip, deflate, br), inflating it as it streams in under the body limit.
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { readBody } from './read-body.js';
import { HttpError } from './respond.js';

export type Coding = 'gzip' | 'deflate' | 'br';

/** deflate is the zlib format (RFC 9110). */
const DECODERS: Readonly<Record<Coding, () => Transform>> = {
  gzip: () => createGunzip(),
  deflate: () => createInflate(),
  br: () => createBrotliDecompress(),
};

/**
 * The codings of a Content-Encoding header in the order the sender applied them (`identity` and
 * empty entries dropped, `x-gzip` read as gzip); any other coding is refused with 415 naming it.
 */
export function contentCodings(header: string | undefined): Coding[] {
  const codings: Coding[] = [];
  for (const entry of (header ?? '').split(',')) {
    const name = entry.trim().toLowerCase();
    if (name === '' || name === 'identity') continue;
    if (name === 'gzip' || name === 'x-gzip') codings.push('gzip');
    else if (name === 'deflate' || name === 'br') codings.push(name);
    else throw new HttpError(415, `Unsupported Content-Encoding "${entry.trim()}"; send gzip, deflate, br or identity.`, 'unsupported_media_type');
  }
  return codings;
}

/**
 * Reads the body of `req`, decoded as its Content-Encoding says. The limit applies to the body as
 * sent and to the decoded bytes: inflating stops at the first chunk past it (a decompression bomb
 * costs the limit plus one chunk) and the answer is 413. Data a decoder cannot read gets 400
 * naming the coding.
 */
export function readEncodedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const codings = contentCodings(req.headers['content-encoding']);
  if (codings.length === 0) return readBody(req, limit);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `The body is ${declared} bytes; the limit is ${limit} bytes.`, 'payload_too_large'));
  }
  return new Promise((resolve, reject) => {
    // The sender applied codings left to right: undo them right to left.
    const decoders = codings.map((coding) => ({ coding, stream: DECODERS[coding]() })).reverse();
    const chunks: Buffer[] = [];
    let size = 0;
    let sent = 0;
    let done = false;
    const finish = (err: HttpError | undefined, body?: Buffer) => {
      if (done) return;
      done = true;
      chunks.length = 0;
      req.unpipe();
      for (const d of decoders) d.stream.destroy();
      if (err) {
        req.resume(); // drain what is left, as readBody does past its limit
        reject(err);
      } else resolve(body as Buffer);
    };
    req.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > limit) finish(new HttpError(413, `The body is larger than the limit of ${limit} bytes.`, 'payload_too_large'));
    });
    req.on('error', (err) => finish(new HttpError(400, `The body could not be read: ${err.message}`, 'bad_body')));
    let source: NodeJS.ReadableStream = req;
    for (const d of decoders) {
      d.stream.on('error', (err) =>
        finish(new HttpError(400, `The body is not valid ${d.coding} data (Content-Encoding: ${d.coding}): ${err.message}.`, 'bad_body')),
      );
      source = source.pipe(d.stream);
    }
    const last = decoders[decoders.length - 1]!.stream;
    last.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) return finish(new HttpError(413, `The body decompresses to more than the limit of ${limit} bytes.`, 'payload_too_large'));
      chunks.push(chunk);
    });
    last.on('end', () => finish(undefined, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
  });
}
