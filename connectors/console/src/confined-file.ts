// Files under the operator's egress.fileRoot: relative paths only, no `..`, and no symbolic link anywhere on the way.
import { constants } from 'node:fs';
import { lstat, mkdir, open, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/** Why a path cannot name a file under the root, or undefined when it can. */
export function relativePathProblem(path: string): string | undefined {
  if (path.includes('\0')) return 'must not contain a NUL character';
  if (isAbsolute(path) || path.startsWith('\\') || /^[a-zA-Z]:/.test(path))
    return "must be a relative path under the runner's egress.fileRoot, not an absolute path";
  const parts = path.split(/[\\/]/);
  if (parts.includes('..')) return 'must not contain `..` segments';
  if (parts.some((p) => p === '' || p === '.')) return 'must not contain empty or `.` segments (`a//b`, `./a`, a trailing `/`)';
  return undefined;
}

/** Refusal of a path that leaves the root or goes through a link (never retried into success by itself). */
function refused(message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code: 'EOUTSIDEROOT' });
}

/**
 * Opens `rel` under `root` for appending: each folder on the way is created when missing and
 * checked with lstat (a symbolic link is refused), and the file itself is opened with O_NOFOLLOW.
 */
export async function openUnderRoot(root: string, rel: string): Promise<FileHandle> {
  const problem = relativePathProblem(rel);
  if (problem) throw refused(`The path ${problem}.`);
  const parts = rel.split(/[\\/]/);
  const name = parts.pop() as string;
  let dir = root;
  for (const part of parts) {
    dir = join(dir, part);
    let info = await lstat(dir).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)));
    if (!info) {
      await mkdir(dir).catch((err: NodeJS.ErrnoException) => (err.code === 'EEXIST' ? undefined : Promise.reject(err)));
      info = await lstat(dir);
    }
    if (info.isSymbolicLink()) throw refused(`${part} is a symbolic link; files under egress.fileRoot are never written through links.`);
    if (!info.isDirectory()) throw refused(`${part} is not a folder.`);
  }
  try {
    return await open(join(dir, name), constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o640);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP')
      throw refused(`${name} is a symbolic link; files under egress.fileRoot are never written through links.`);
    throw err;
  }
}
