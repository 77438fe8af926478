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

/** `@outflow/connector-<type>`. */
export function connectorPackageName(type: string): string {
  return `@outflow/connector-${type}`;
}

/** `<camelType>Connector`; the webhook (type `http`) exports `webhookConnector`. */
export function connectorExportName(type: string): string {
  return type === 'http' ? 'webhookConnector' : `${camelType(type)}Connector`;
}

/** `<Pascal>Config`; the webhook's is `WebhookConfig`. */
export function configTypeName(type: string): string {
  return type === 'http' ? 'WebhookConfig' : `${pascalType(type)}Config`;
}
