// Azure regions: Auth0's Event Grid region list, the shape of any region name, and a topic's endpoint.

/** The `azureRegion` values Auth0's `eventgrid` sink accepts (Management API enum). */
export const AUTH0_EVENTGRID_REGIONS = [
  'australiacentral',
  'australiaeast',
  'australiasoutheast',
  'brazilsouth',
  'canadacentral',
  'canadaeast',
  'centralindia',
  'centralus',
  'eastasia',
  'eastus',
  'eastus2',
  'francecentral',
  'germanywestcentral',
  'japaneast',
  'japanwest',
  'koreacentral',
  'koreasouth',
  'northcentralus',
  'northeurope',
  'norwayeast',
  'southafricanorth',
  'southcentralus',
  'southeastasia',
  'southindia',
  'swedencentral',
  'switzerlandnorth',
  'uaenorth',
  'uksouth',
  'ukwest',
  'westcentralus',
  'westeurope',
  'westindia',
  'westus',
  'westus2',
] as const;

/** Any Azure region name (Auth0's list and newer ones such as `italynorth`): lowercase letters and digits. */
export const REGION = /^[a-z][a-z0-9]{2,39}$/;

/** A topic or partner namespace name: 3-50 letters, digits and hyphens. */
export const RESOURCE_NAME = /^[A-Za-z0-9-]{3,50}$/;

/** The publishing endpoint of a custom topic or partner namespace in the public cloud. */
export function defaultEndpoint(name: string, region: string): string {
  return `https://${name.toLowerCase()}.${region}-1.eventgrid.azure.net/api/events`;
}
