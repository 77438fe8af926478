// Types of create-outflow-connector's API.
export interface GenerateOptions {
  /** `acme`, `outflow-connector-acme`, `@scope/outflow-connector-acme` or `@outflow/connector-acme`. */
  name: string;
  /** The parent folder; the package goes to `<into>/<name without scope>` (`<into>/<type>` in the workspace). */
  into: string;
  /** `standalone` (default): published semver ranges; `workspace`: a member of the Outflow repository. */
  mode?: 'workspace' | 'standalone';
  /** The template: connectors/_template for `workspace`, the bundled one for `standalone` by default. */
  templateDir?: string;
}
export interface GeneratedConnector {
  dir: string;
  packageName: string;
  type: string;
  exportName: string;
  configType: string;
}
export declare function generateConnector(options: GenerateOptions): GeneratedConnector;
export declare function parseConnectorName(input: string, mode: 'workspace' | 'standalone'): { packageName: string; type: string; folder: string };
export declare function rename(text: string, names: { type: string; packageName: string }): string;
export declare const TYPE: RegExp;
export declare const BUNDLED_TEMPLATE: string;
export declare const USAGE: string;
/** Runs the generator from command-line arguments; returns the exit code (0 created, 1 failed, 2 usage). */
export declare function runCreateCli(argv: string[], io: { out: (t: string) => void; err: (t: string) => void; cwd: string; usage?: string }): number;
