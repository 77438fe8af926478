// Where the console connector writes: a process stream, a file appended to, or a file confined under egress.fileRoot.
import { constants } from 'node:fs';
import { access, appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { openUnderRoot } from './confined-file.js';
import type { ConsoleConfig } from './types.js';

export interface LineWriter {
  /** Resolves once the bytes are handed to the OS (stream callback or append done). */
  write(bytes: Buffer): Promise<void>;
  /** Throws when the target cannot be written. */
  check(): Promise<void>;
  close(): void;
}

function streamWriter(name: 'stdout' | 'stderr'): LineWriter {
  const stream = () => (name === 'stdout' ? process.stdout : process.stderr);
  // Without a listener, an EPIPE on the stream would crash the process; the write callback reports it instead.
  const onError = () => {};
  const target = stream();
  target.on('error', onError);
  return {
    write: (bytes) =>
      new Promise<void>((done, fail) => {
        const s = stream();
        if (s.destroyed || !s.writable) return fail(Object.assign(new Error(`${name} is closed.`), { code: 'ERR_STREAM_DESTROYED' }));
        s.write(bytes, (err) => (err ? fail(err) : done()));
      }),
    check: async () => {
      const s = stream();
      if (s.destroyed || !s.writable) throw new Error(`${name} is not writable.`);
    },
    close: () => void target.off('error', onError),
  };
}

function fileWriter(file: string): LineWriter {
  const path = resolve(file);
  const dir = dirname(path);
  return {
    async write(bytes) {
      await mkdir(dir, { recursive: true });
      await appendFile(path, bytes);
    },
    async check() {
      try {
        await access(path, constants.W_OK);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        await mkdir(dir, { recursive: true });
        await access(dir, constants.W_OK);
      }
    },
    close: () => {},
  };
}

/** A file under the operator's root, opened per write so a link planted later is refused too. */
function rootFileWriter(root: string, rel: string): LineWriter {
  return {
    async write(bytes) {
      await mkdir(root, { recursive: true });
      const file = await openUnderRoot(root, rel);
      try {
        await file.appendFile(bytes);
      } finally {
        await file.close();
      }
    },
    async check() {
      await mkdir(root, { recursive: true });
      await (await openUnderRoot(root, rel)).close();
    },
    close: () => {},
  };
}

export function createLineWriter(target: ConsoleConfig['target'], fileRoot?: string): LineWriter {
  if (typeof target === 'string') return streamWriter(target);
  if ('file' in target) return fileWriter(target.file);
  if (!fileRoot) throw new Error('egress.fileRoot is not set.');
  return rootFileWriter(fileRoot, target.fileInRoot);
}
