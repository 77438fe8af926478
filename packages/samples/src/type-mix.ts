// A realistic mix of event type codes: mostly logins, token exchanges and silent auth, a long tail of the rest.
import { CATALOG } from './catalog-data.js';
import { createWeightedPicker, type Rng } from './rng.js';

/** Weights (per mille, roughly) of the codes a busy B2C tenant logs most. */
const COMMON: ReadonlyArray<readonly [string, number]> = [
  ['s', 230],
  ['seacft', 120],
  ['ssa', 80],
  ['sertft', 55],
  ['seccft', 50],
  ['slo', 45],
  ['fp', 45],
  ['sapi', 40],
  ['fsa', 30],
  ['fu', 25],
  ['f', 20],
  ['ss', 20],
  ['w', 15],
  ['mgmt_api_read', 10],
  ['feacft', 10],
  ['ferrt', 8],
  ['sv', 8],
  ['scp', 6],
  ['scpr', 6],
  ['fs', 6],
  ['gd_send_sms', 5],
  ['gd_auth_succeed', 5],
  ['gd_auth_failed', 3],
  ['sdu', 3],
  ['limit_wc', 2],
  ['pwd_leak', 2],
  ['fcp', 2],
  ['scoa', 2],
  // Legacy codes that still show up in older tenants.
  ['fapi', 2],
  ['du', 1],
];

/** The rest of the catalog shares this much weight evenly. */
const TAIL_WEIGHT = 40;

const commonCodes = new Set(COMMON.map(([code]) => code));
const tail = Object.keys(CATALOG).filter((code) => !commonCodes.has(code));

/** Draws a type code. */
export const pickTypeCode: (rng: Rng) => string = createWeightedPicker<string>([...COMMON, ...tail.map((code) => [code, TAIL_WEIGHT / tail.length] as const)]);

/** Descriptions as Auth0 writes them for the common codes (the catalog's text otherwise). */
export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  s: 'Successful login',
  fp: 'Wrong email or password.',
  fu: 'Wrong email or password.',
  f: 'Unauthorized',
  seacft: 'Authorization Code for Access Token',
  seccft: 'Client Credentials for Access Token',
  sertft: 'Refresh Token for Access Token',
  ferrt: 'Unknown or invalid refresh token.',
  feacft: 'Invalid authorization code',
  ssa: 'Successful silent authentication',
  fsa: 'Login required',
  slo: 'User successfully logged out',
  sapi: 'Update a user',
  ss: 'Successful signup',
  fs: 'The user already exists.',
  w: 'Legacy Lock API Deprecation',
  mgmt_api_read: 'Get a client',
  fapi: 'Failed API Operation',
  du: 'Deleted user',
};
