// The naming rules of docs/naming.md: package name, export name and config type of a connector type.

/** Stream types are kebab-case: lowercase letters and digits, words joined by single dashes. */
export const CONNECTOR_TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** `sumo-logic` → `sumoLogic`. */
export function camelType(type: string): string {
  return type.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `sumo-logic` → `SumoLogic`. */
export function pascalType(type: string): string {
  const camel = camelType(type);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** `@outflow/connector-<type>`: the name of a built-in connector of this repository. */
export function connectorPackageName(type: string): string {
  return `@outflow/connector-${type}`;
}

/** An npm scope (`@acme`): lowercase, URL-safe, not starting with a dot or underscore. */
const SCOPE = /^@[a-z0-9~-][a-z0-9._~-]*$/;

/**
 * Why `name` is not a valid package name for a connector of `type`, or undefined when it is:
 * `@outflow/connector-<type>` (built-ins), `outflow-connector-<type>` or `@scope/outflow-connector-<type>`.
 */
export function packageNameProblem(name: unknown, type: string): string | undefined {
  const expected = `"outflow-connector-${type}", "@<scope>/outflow-connector-${type}" or "@outflow/connector-${type}"`;
  if (typeof name !== 'string' || name === '') return `package name is ${JSON.stringify(name)}, expected ${expected}`;
  if (name.length > 214) return `package name ${JSON.stringify(name)} is longer than npm's 214 characters`;
  if (name === connectorPackageName(type) || name === `outflow-connector-${type}`) return undefined;
  const [scope, bare, ...rest] = name.split('/');
  if (rest.length === 0 && bare === `outflow-connector-${type}` && scope !== undefined && SCOPE.test(scope)) return undefined;
  return `package name is ${JSON.stringify(name)}, expected ${expected}`;
}

/** `<camelType>Connector`, e.g. `httpConnector`, `sumoLogicConnector`. */
export function connectorExportName(type: string): string {
  return `${camelType(type)}Connector`;
}

/** `<Pascal>Config`, e.g. `HttpConfig`, `SumoLogicConfig`. */
export function configTypeName(type: string): string {
  return `${pascalType(type)}Config`;
}
