// Copies the Tenant Log Catalog schema into test/fixtures without its descriptions, for the catalog tests.
// Run: node scripts/copy-catalog-schema.mjs [path/to/auth0-tenant-logs-schema.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(process.argv[2] ?? resolve(here, '../../../../shared/reference/auth0-tenant-logs-schema.json'));
const target = resolve(here, '../test/fixtures/tenant-logs-schema.json');

/** The schema without `description` texts (property names called description are kept). */
const strip = (v) =>
  Array.isArray(v)
    ? v.map(strip)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([k, x]) => k !== 'description' || typeof x !== 'string')
            .map(([k, x]) => [k, strip(x)]),
        )
      : v;

const schema = strip(JSON.parse(readFileSync(source, 'utf8')));
writeFileSync(target, `${JSON.stringify(schema)}\n`);
console.log(`Wrote ${Object.keys(schema.components.schemas).length} event schemas to ${target}`);
