// One row per installed connector type for every-connector.test.ts: its fake, the API sink aimed at it, and what the fake received.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATADOG_FAKE_API_KEY, startDatadogFake } from '@outflow/connector-testkit/fakes/datadog';
import { ELASTIC_FAKE_API_KEY, startElasticFake } from '@outflow/connector-testkit/fakes/elastic';
import { startEventBridgeFake } from '@outflow/connector-testkit/fakes/eventbridge';
import { EVENTGRID_FAKE_KEY, startEventgridFake } from '@outflow/connector-testkit/fakes/eventgrid';
import { LOGZIO_FAKE_TOKEN, startLogzioFake } from '@outflow/connector-testkit/fakes/logzio';
import { startMixpanelFake } from '@outflow/connector-testkit/fakes/mixpanel';
import { startOtlpFake } from '@outflow/connector-testkit/fakes/otlp';
import { PANGEA_FAKE_CONFIG_ID, PANGEA_FAKE_TOKEN, startPangeaFake } from '@outflow/connector-testkit/fakes/pangea';
import { PANTHER_FAKE_TOKEN, startPantherFake } from '@outflow/connector-testkit/fakes/panther';
import { PARTNER_FAKE_TOKEN, startPartnerFake } from '@outflow/connector-testkit/fakes/partner';
import { startSegmentFake } from '@outflow/connector-testkit/fakes/segment';
import { startSlackFake } from '@outflow/connector-testkit/fakes/slack';
import { SPLUNK_FAKE_TOKEN, startSplunkFake } from '@outflow/connector-testkit/fakes/splunk';
import { startSumoFake } from '@outflow/connector-testkit/fakes/sumo';
import { startReceiver } from './receiver.js';

/** A started fake: the sink a stream of the type sends to it with, and the keys of the events it has received so far. */
export interface Destination {
  sink: Record<string, unknown>;
  /** The event field `received()` is keyed by: `log_id`, except for digests that do not carry it. */
  key?: 'log_id' | 'user_name';
  received(): Iterable<string>;
  close(): unknown;
}

export interface Row {
  /** The fake (or receiver) that stands in for the destination, for the failure messages. */
  fake: string;
  start(ctx: { fileRoot: string }): Promise<Destination>;
}

const MIXPANEL = { projectId: '3141592', username: 'outflow.every.mp-service-account', secret: 'every-mixpanel-sa-secret-0123456789' };
const AWS = { accessKeyId: 'AKIDEVERYOUTFLOW0001', secret: 'every/secret+access/key0123456789abcdef' };
const SLACK = { token: 'xoxb-every-0000-fakeBotToken', channel: 'C0EVERYTEST' };
const SEGMENT_KEY = 'every-segment-write-key-0123456789';
const CONSOLE_FILE = 'acme/every.jsonl';

const logIds = (items: Iterable<object>) => [...items].map((i) => String((i as { log_id?: unknown }).log_id));

/** The four partner types share one fake (`partner`), each with its own intake layout. */
function partner(layout: 'array' | 'lines', sink: (url: string) => Record<string, unknown>): Row {
  return {
    fake: `partner (${layout})`,
    async start() {
      const fake = await startPartnerFake({ path: '/intake/auth0', layout });
      return { sink: sink(fake.intakeUrl), received: () => logIds(fake.events()), close: () => fake.close() };
    },
  };
}

export const EVERY_CONNECTOR: Record<string, Row> = {
  http: {
    fake: 'runner test receiver',
    async start() {
      const rx = await startReceiver();
      return { sink: { httpEndpoint: `${rx.url}/hook` }, received: () => rx.ids(), close: () => rx.close() };
    },
  },
  console: {
    fake: 'a file under egress.fileRoot',
    async start({ fileRoot }) {
      const file = join(fileRoot, CONSOLE_FILE);
      const lines = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
      return {
        sink: { target: { fileInRoot: CONSOLE_FILE } },
        received: () => logIds(lines().map((l) => JSON.parse(l) as { log_id: string })),
        close: () => undefined,
      };
    },
  },
  datadog: {
    fake: 'datadog',
    async start() {
      const fake = await startDatadogFake();
      return {
        sink: { datadogApiKey: DATADOG_FAKE_API_KEY, datadogRegion: 'eu', datadogEndpoint: fake.url },
        received: () => logIds(fake.logs()),
        close: () => fake.close(),
      };
    },
  },
  splunk: {
    fake: 'splunk (HEC with acknowledgement)',
    async start() {
      const fake = await startSplunkFake({ ack: true });
      return {
        sink: { splunkDomain: fake.url, splunkToken: SPLUNK_FAKE_TOKEN, splunkPort: '8088', splunkSecure: true, splunkAck: true },
        received: () => fake.events().map((e) => (e.event as { log_id: string }).log_id),
        close: () => fake.close(),
      };
    },
  },
  slack: {
    fake: 'slack (Web API)',
    async start() {
      const fake = await startSlackFake({ token: SLACK.token, channels: [SLACK.channel] });
      // A digest: each section block shows one event's user, not its log_id.
      const users = () =>
        fake
          .messages()
          .flatMap((m) => (m.blocks ?? []).filter((b) => b.type === 'section'))
          .map((b) => /^\*User\*\n(\S+)/.exec((b.fields as Array<{ text: string }> | undefined)?.[0]?.text ?? '')?.[1] ?? '');
      return {
        sink: { slackBotToken: SLACK.token, slackChannel: SLACK.channel, slackApiUrl: fake.apiUrl },
        key: 'user_name',
        received: users,
        close: () => fake.close(),
      };
    },
  },
  segment: {
    fake: 'segment',
    async start() {
      const fake = await startSegmentFake({ writeKey: SEGMENT_KEY });
      return { sink: { segmentWriteKey: SEGMENT_KEY, segmentHost: fake.url }, received: () => fake.uniqueMessageIds(), close: () => fake.close() };
    },
  },
  eventbridge: {
    fake: 'eventbridge (SigV4)',
    async start() {
      const fake = await startEventBridgeFake({ accessKeyId: AWS.accessKeyId, buses: ['auth0-logs'] });
      return {
        sink: { awsRegion: 'us-east-1', eventBusName: 'auth0-logs', awsEndpoint: fake.url, awsAccessKeyId: AWS.accessKeyId, awsSecretAccessKey: AWS.secret },
        received: () => fake.entries().map((e) => (JSON.parse(e.Detail) as { log_id: string }).log_id),
        close: () => fake.close(),
      };
    },
  },
  sumo: {
    fake: 'sumo',
    async start() {
      const fake = await startSumoFake();
      return { sink: { sumoSourceAddress: fake.sourceAddress }, received: () => fake.logIds(), close: () => fake.close() };
    },
  },
  panther: {
    fake: 'panther (bearer)',
    async start() {
      const fake = await startPantherFake();
      return {
        sink: { pantherUrl: fake.sourceUrl, pantherAuthMethod: 'bearer', pantherBearerToken: PANTHER_FAKE_TOKEN },
        received: () => fake.uniqueLogIds(),
        close: () => fake.close(),
      };
    },
  },
  logzio: {
    fake: 'logzio',
    async start() {
      const fake = await startLogzioFake();
      return {
        sink: { logzioToken: LOGZIO_FAKE_TOKEN, logzioRegion: 'eu', logzioEndpoint: fake.url },
        received: () => fake.countsByLogId().keys(),
        close: () => fake.close(),
      };
    },
  },
  elastic: {
    fake: 'elastic (bulk API)',
    async start() {
      const fake = await startElasticFake();
      return {
        sink: { elasticNode: fake.url, elasticApiKey: ELASTIC_FAKE_API_KEY, elasticNamespace: 'every' },
        received: () => fake.documents('logs-auth0-every').keys(),
        close: () => fake.close(),
      };
    },
  },
  otlp: {
    fake: 'otlp (collector)',
    async start() {
      const fake = await startOtlpFake();
      return { sink: { endpoint: fake.url }, received: () => fake.records().map((r) => String(r.attributes['auth0.log_id'])), close: () => fake.close() };
    },
  },
  mixpanel: {
    fake: 'mixpanel (/import)',
    async start() {
      const fake = await startMixpanelFake(MIXPANEL);
      return {
        sink: {
          mixpanelRegion: 'eu',
          mixpanelProjectId: MIXPANEL.projectId,
          mixpanelServiceAccountUsername: MIXPANEL.username,
          mixpanelServiceAccountPassword: MIXPANEL.secret,
          mixpanelHost: fake.url,
        },
        received: () => fake.events().map((e) => String(e.properties.log_id)),
        close: () => fake.close(),
      };
    },
  },
  eventgrid: {
    fake: 'eventgrid (CloudEvents topic)',
    async start() {
      const fake = await startEventgridFake();
      return {
        sink: {
          endpoint: `${fake.url}/api/events`,
          accessKey: EVENTGRID_FAKE_KEY,
          azureSubscriptionId: '00000000-1111-2222-3333-444444444444',
          azureResourceGroup: 'auth0-logs',
        },
        received: () => fake.events().map((e) => String(e.id)),
        close: () => fake.close(),
      };
    },
  },
  pangea: {
    fake: 'pangea (Secure Audit Log)',
    async start() {
      const fake = await startPangeaFake({ requireConfigId: true });
      return {
        sink: { pangeaToken: PANGEA_FAKE_TOKEN, pangeaConfigId: PANGEA_FAKE_CONFIG_ID, pangeaBaseUrl: fake.url },
        received: () => fake.logIds(),
        close: () => fake.close(),
      };
    },
  },
  verosint: partner('array', (url) => ({ verosintEndpoint: url, verosintApiKey: PARTNER_FAKE_TOKEN })),
  oort: partner('array', (url) => ({ oortEndpoint: url, oortToken: PARTNER_FAKE_TOKEN })),
  'mdr-one': partner('lines', (url) => ({ mdrOneEndpoint: url, mdrOneToken: PARTNER_FAKE_TOKEN, mdrOneCompression: 'gzip' })),
  perch: partner('lines', (url) => ({ perchEndpoint: url, perchToken: PARTNER_FAKE_TOKEN })),
};
