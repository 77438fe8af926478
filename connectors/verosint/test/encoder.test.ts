// Golden requests of the Verosint preset: exactly what the intake receives for fixed events.
import { describePresetRequests } from '@outflow/connector-testkit';
import { VEROSINT_PATH } from '@outflow/connector-testkit/fakes/partner';
import { verosintConnector } from '../src/index.js';

describePresetRequests(verosintConnector, {
  path: VEROSINT_PATH,
  layout: 'array',
  config: (url, token) => ({ verosintEndpoint: url, verosintApiKey: token }),
});
