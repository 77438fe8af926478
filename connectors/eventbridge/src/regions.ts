// AWS regions: Auth0's EventBridge region list, the shape of any region name, partitions and bus ARNs.

/** The `awsRegion` values Auth0's `eventbridge` sink accepts (Management API enum). */
export const AUTH0_EVENTBRIDGE_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

/** Any AWS region name (`us-east-1`, `cn-north-1`, `us-gov-west-1`, `us-isob-east-1`). */
export const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** An event bus ARN, with its partition, region, account and bus name captured. */
export const BUS_ARN = /^arn:(aws[a-z-]*):events:([a-z0-9-]+):(\d{12}):event-bus\/([/.\-_A-Za-z0-9]{1,256})$/;

/** An event bus name (EventBridge's rule for names). */
export const BUS_NAME = /^[/.\-_A-Za-z0-9]{1,256}$/;

/** The parts of an event bus ARN, or undefined when `value` is a plain name. */
export function parseBusArn(value: string): { partition: string; region: string; accountId: string; name: string } | undefined {
  const m = BUS_ARN.exec(value);
  return m ? { partition: m[1] as string, region: m[2] as string, accountId: m[3] as string, name: m[4] as string } : undefined;
}

/** The ARN partition of a region: `aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`. */
export function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** EventBridge's public endpoint in a region. */
export function defaultEndpoint(region: string): string {
  return `https://events.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}
