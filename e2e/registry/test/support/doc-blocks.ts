// The shell blocks of a Markdown doc marked for the e2e test (`<!-- e2e: NAME -->` on the line before a ```sh block).
import { readFileSync } from 'node:fs';

export function docBlocks(file: string): Map<string, string> {
  const text = readFileSync(file, 'utf8');
  const blocks = new Map<string, string>();
  for (const m of text.matchAll(/<!-- e2e: ([\w-]+) -->\n```sh\n([\s\S]*?)```/g)) blocks.set(m[1]!, m[2]!);
  return blocks;
}
