// `npx -y pnpm@10 outflow …`: runs the built CLI in this process, or says in one line how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../apps/runner/dist/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('Error: outflow is not built (apps/runner/dist/main.js is missing): run "npx -y pnpm@10 build" first');
  process.exit(4);
}
process.argv.splice(1, 1, main);
await import(main);
