// @ts-check
// create-outflow-connector: the template generator shared by `npm create outflow-connector`, `outflow connectors new` and `pnpm create-connector`.
export { generateConnector, BUNDLED_TEMPLATE } from './generate.js';
export { parseConnectorName, rename, TYPE } from './names.js';
export { runCreateCli, USAGE } from './cli.js';
