// The CLI's I/O on the real process: stdout/stderr lines, colour on a terminal, y/N questions on a terminal.
import { createInterface } from 'node:readline/promises';
import type { CliIo } from './types.js';

export function processIo(): CliIo {
  const env = process.env;
  return {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    color: Boolean(process.stdout.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb',
    env,
    tty: Boolean(process.stdout.isTTY),
    confirm: process.stdin.isTTY
      ? async (question) => {
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return /^y(es)?$/i.test((await rl.question(question)).trim());
          } finally {
            rl.close();
          }
        }
      : undefined,
  };
}
