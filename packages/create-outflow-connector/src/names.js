// @ts-check
// The names of a new connector: package name, type, export and config identifiers (docs/naming.md).

export const TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SCOPE = /^@[a-z0-9][a-z0-9._~-]*$/;

export const camel = (/** @type {string} */ type) => type.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
export const pascal = (/** @type {string} */ type) => camel(type).charAt(0).toUpperCase() + camel(type).slice(1);
export const title = (/** @type {string} */ type) =>
  type
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/**
 * The package name and type of `input`: a bare type (`acme`), `outflow-connector-acme`,
 * `@scope/outflow-connector-acme` or `@outflow/connector-acme`. A bare type becomes
 * `@outflow/connector-<type>` inside the repository (`workspace`) and `outflow-connector-<type>` outside.
 * @param {string} input
 * @param {'workspace' | 'standalone'} mode
 * @returns {{ packageName: string, type: string, folder: string }}
 */
export function parseConnectorName(input, mode) {
  const name = String(input ?? '').trim();
  if (!name) throw new Error('Missing the connector name, e.g. acme, outflow-connector-acme or @yourscope/outflow-connector-acme.');
  let packageName;
  let type;
  const scoped = /^(@[^/]+)\/(.+)$/.exec(name);
  const bare = scoped ? scoped[2] : name;
  if (scoped && !SCOPE.test(scoped[1])) throw new Error(`"${scoped[1]}" is not a valid npm scope.`);
  if (scoped?.[1] === '@outflow' && bare.startsWith('connector-')) type = bare.slice('connector-'.length);
  else if (bare.startsWith('outflow-connector-')) type = bare.slice('outflow-connector-'.length);
  else if (!scoped) type = bare;
  else throw new Error(`"${name}" does not follow the connector package names: @scope/outflow-connector-<type> (or outflow-connector-<type>).`);
  if (!TYPE.test(type) || type === 'template') throw new Error(`"${type}" is not a valid connector type: kebab-case, e.g. acme or sumo-logic.`);
  if (type === bare) packageName = mode === 'workspace' ? `@outflow/connector-${type}` : `outflow-connector-${type}`;
  else packageName = name;
  const folder = mode === 'workspace' ? type : (packageName.split('/').pop() ?? packageName);
  return { packageName, type, folder };
}

/**
 * The template's text with every template name replaced by the new connector's.
 * @param {string} text
 * @param {{ type: string, packageName: string }} names
 */
export function rename(text, { type, packageName }) {
  return text
    .replace(/<!-- template:start -->[\s\S]*?<!-- template:end -->\n*/g, '')
    .replace(/@outflow\/connector-template/g, packageName)
    .replace(/\btemplate(?=[A-Z])/g, camel(type))
    .replace(/\bTemplate(?=[A-Z])/g, pascal(type))
    .replace(/(?<=[a-z])Template\b/g, pascal(type))
    .replace(/(['"`])template\1/g, `$1${type}$1`)
    .replace(/\bTEMPLATE(?=_)/g, type.toUpperCase().replace(/-/g, '_'))
    .replace(/\bTemplate\b/g, title(type))
    .replace(/\btemplate\b/g, type);
}
